import { ServiceConfigError } from './errors.js';

interface SecureRandom {
  getRandomValues(array: Uint8Array): Uint8Array;
}

/**
 * `bytes` random bytes as lower-case hex, from the platform's CSPRNG (WebCrypto, in
 * Node 20 and browsers). Tokens are secrets, so there is deliberately no weak fallback.
 *
 * @throws ServiceConfigError `service/no_secure_random` when the platform has no `crypto.getRandomValues`
 */
export function randomHex(bytes: number): string {
  const source = (globalThis as { crypto?: SecureRandom }).crypto;
  if (!source?.getRandomValues) throw new ServiceConfigError('service/no_secure_random', 'HealthCode service: crypto.getRandomValues is required');
  const buf = source.getRandomValues(new Uint8Array(bytes));
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fresh identifier such as `dcl_3f9a…`: a type prefix and 96 random bits. */
export function newId(prefix: string): string {
  return `${prefix}_${randomHex(12)}`;
}

/** A fresh bearer token: 256 random bits. */
export function newToken(): string {
  return randomHex(32);
}
