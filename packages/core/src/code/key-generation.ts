import { defaultCryptoProvider } from './crypto/default-provider.js';
import type { CryptoProvider } from './crypto/provider.js';
import { CodeInputError } from './errors.js';
import { SUPPORTED_ALGORITHMS, isKeyId, parsePrivateJwk, toPublicJwk, type Alg, type PrivateJwk, type PublicJwk } from './keys.js';

/**
 * Generates a signing key pair (P-256 for ES256, the default; RSA-2048 for RS256/PS256).
 *
 * @param opts.kid - the key id verifiers look the key up by
 */
export async function generateKeyPair(opts: {
  kid: string;
  alg?: Alg;
  crypto?: CryptoProvider;
}): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> {
  const alg = opts.alg ?? 'ES256';
  if (!SUPPORTED_ALGORITHMS.includes(alg)) throw new CodeInputError('code/unsupported_algorithm', `unsupported alg ${String(alg)}`);
  if (!isKeyId(opts.kid)) throw new CodeInputError('code/invalid_input', 'kid must be 1-64 printable ASCII characters');
  const material = await (opts.crypto ?? defaultCryptoProvider()).generateKeyPair(alg);
  const privateJwk = parsePrivateJwk({ ...material, kid: opts.kid, alg });
  return { privateJwk, publicJwk: toPublicJwk(privateJwk) };
}
