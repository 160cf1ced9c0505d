import { defaultCryptoProvider } from '../crypto/default-provider.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { TrustListError } from '../errors.js';
import { signCompactJws } from '../jws/compact.js';
import { parsePrivateJwk, type PrivateJwk } from '../keys.js';
import { TRUST_LIST_TYP, trustListSchema, type TrustList } from './trust-list.js';

/**
 * Signs a trust list with the root key as a compact JWS (`typ` `hc1-trust`).
 *
 * @throws {@link TrustListError} `invalid_content` when the list is not valid;
 *   {@link CodeInputError} for a bad key
 */
export async function signTrustList(list: TrustList, rootKey: PrivateJwk, opts?: { crypto?: CryptoProvider }): Promise<string> {
  const parsed = trustListSchema.safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrustListError('trust_list/invalid_content', `trust list ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return signCompactJws(TRUST_LIST_TYP, parsed.data, parsePrivateJwk(rootKey), opts?.crypto ?? defaultCryptoProvider());
}
