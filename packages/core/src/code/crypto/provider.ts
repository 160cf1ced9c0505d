import type { Alg, PrivateJwk, PublicJwk } from '../keys.js';

/** Private key material returned by {@link CryptoProvider.generateKeyPair}: JWK members without kid/alg. */
export type GeneratedKeyMaterial = Omit<PrivateJwk, 'kid' | 'alg'>;

/**
 * The cryptographic primitives HealthCode needs, so the same code runs on WebCrypto, on pure
 * JavaScript (mini-program engines) or on anything else a host supplies.
 *
 * Contract for every implementation:
 * - ES256 signatures are the 64-byte `r‖s` form of JWS (RFC 7518 §3.4), never DER;
 * - `verify` returns `false` (never throws) for any signature that does not verify, including
 *   ones of the wrong length or with `r`/`s` outside `[1, n-1]`;
 * - the key's `alg` must equal the `alg` argument, otherwise `verify` returns `false` and `sign` throws;
 * - a provider that cannot do an algorithm at all throws {@link CryptoError} `unavailable` for it;
 * - high-S ES256 signatures (`s > n/2`) verify like their low-S twins, as in WebCrypto and OpenSSL:
 *   JWS (RFC 7518 §3.4) does not ask for low S, so a verifier must not refuse what another signs;
 * - `hmacSha256`, `sha256` and `randomBytes` are synchronous, so pseudonyms and ids can be derived
 *   where a caller cannot wait.
 */
export interface CryptoProvider {
  /** Short name for logs and benchmarks, e.g. `webcrypto` or `jsrsasign`. */
  readonly name: string;
  /** Signs `data` with `key` using `alg`. Throws {@link CryptoError}. */
  sign(alg: Alg, key: PrivateJwk, data: Uint8Array): Promise<Uint8Array>;
  /** Whether `signature` is a valid `alg` signature of `data` by `key`. Never throws for bad signatures. */
  verify(alg: Alg, key: PublicJwk, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** A fresh key pair for `alg` (P-256 for ES256, RSA-2048 otherwise). Throws {@link CryptoError}. */
  generateKeyPair(alg: Alg): Promise<GeneratedKeyMaterial>;
  /** HMAC-SHA-256 (RFC 2104) of `data` under `key`. */
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  /** SHA-256 of `data`. */
  sha256(data: Uint8Array): Uint8Array;
  /** `length` bytes from a cryptographically secure source. Throws {@link CryptoError} when there is none. */
  randomBytes(length: number): Uint8Array;
}
