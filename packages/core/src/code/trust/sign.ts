import { defaultCryptoProvider } from '../crypto/default-provider.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { TrustListError } from '../errors.js';
import { signCompactJws } from '../jws/compact.js';
import { parsePrivateJwk, type PrivateJwk } from '../keys.js';
import { TRUST_LIST_TYP, readTrustList, type TrustList } from './trust-list.js';

/**
 * Signs a trust list with the root key as a compact JWS (`typ` `hc1-trust`).
 *
 * @throws {@link TrustListError} `invalid_content` when the list is not valid;
 *   {@link CodeInputError} for a bad key
 */
export async function signTrustList(list: TrustList, rootKey: PrivateJwk, opts?: { crypto?: CryptoProvider }): Promise<string> {
  const checked = readTrustList(list);
  if (typeof checked === 'string') throw new TrustListError('trust_list/invalid_content', `trust list ${checked}`);
  return signCompactJws(TRUST_LIST_TYP, checked, parsePrivateJwk(rootKey), opts?.crypto ?? defaultCryptoProvider());
}
