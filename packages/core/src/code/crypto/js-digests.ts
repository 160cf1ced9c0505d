import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CryptoProvider } from './provider.js';

/**
 * HMAC-SHA-256 and SHA-256 in pure JavaScript (@noble/hashes, no BigInt needed), for providers
 * whose own library has no synchronous digest (WebCrypto) or a slow one.
 */
export const jsDigests: Pick<CryptoProvider, 'hmacSha256' | 'sha256'> = {
  hmacSha256: (key, data) => hmac(sha256, key, data),
  sha256: (data) => sha256(data),
};
