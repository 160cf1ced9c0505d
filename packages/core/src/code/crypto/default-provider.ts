import { hasBigInt } from './bigint.js';
import { nativeCryptoProvider } from './builtin-provider.js';
import { jsrsasignCryptoProvider } from './jsrsasign-provider.js';
import { nobleCryptoProvider } from './noble-provider.js';
import type { CryptoProvider } from './provider.js';

let cached: CryptoProvider | undefined;

/**
 * The provider used when none is passed, the first of these the engine has:
 * 1. node:crypto, where `process.getBuiltinModule` loads it (Node 20.16+): synchronous OpenSSL
 *    calls, the fastest in Node because WebCrypto pays a thread-pool round trip per call;
 * 2. WebCrypto, where `globalThis.crypto.subtle` exists (browsers, Deno, Bun, workers);
 * 3. @noble/curves for ES256 where the engine has BigInt (most mini-program engines), with jsrsasign
 *    for RS256/PS256;
 * 4. jsrsasign, in pure JavaScript without BigInt (older mini-program engines).
 *
 * Chosen and created once, so its key cache is shared by every call.
 */
export function defaultCryptoProvider(): CryptoProvider {
  cached ??=
    nativeCryptoProvider() ?? (hasBigInt() ? nobleCryptoProvider({ rsa: jsrsasignCryptoProvider() }) : jsrsasignCryptoProvider());
  return cached;
}
