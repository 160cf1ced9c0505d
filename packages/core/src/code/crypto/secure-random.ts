import { CryptoError } from '../errors.js';

interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/** `globalThis.crypto` when it has `getRandomValues`, else `undefined`. */
export function secureRandomSource(): RandomSource | undefined {
  const c = (globalThis as unknown as { crypto?: Partial<RandomSource> }).crypto;
  return typeof c?.getRandomValues === 'function' ? (c as RandomSource) : undefined;
}

/**
 * `length` bytes from `crypto.getRandomValues`, in chunks of 64 KiB (the most one call may fill).
 *
 * @throws {@link CryptoError} `no_secure_random` where the engine has no `crypto.getRandomValues`
 */
export function secureRandomBytes(length: number): Uint8Array {
  const source = secureRandomSource();
  if (!source) throw new CryptoError('crypto/no_secure_random', 'crypto.getRandomValues is not available');
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += 65536) source.getRandomValues(out.subarray(at, Math.min(length, at + 65536)));
  return out;
}
