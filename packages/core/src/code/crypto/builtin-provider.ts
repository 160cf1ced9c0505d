import { hasBigInt } from './bigint.js';
import { nobleCryptoProvider } from './noble-provider.js';
import { builtinNodeCrypto, nodeCryptoProvider } from './node-provider.js';
import type { CryptoProvider } from './provider.js';
import { globalWebCrypto, webCryptoProvider } from './webcrypto-provider.js';

let native: CryptoProvider | null | undefined;
let builtin: CryptoProvider | null | undefined;

/**
 * The engine's own crypto, the first it has: node:crypto where `process.getBuiltinModule` loads it
 * (Node 20.16+; synchronous OpenSSL calls, faster in Node than WebCrypto's thread-pool round trip
 * per call), else WebCrypto where `globalThis.crypto.subtle` exists (browsers, Deno, Bun, workers).
 * Created once, so its key cache is shared by every call.
 */
export function nativeCryptoProvider(): CryptoProvider | undefined {
  if (native === undefined) {
    const nodeCrypto = builtinNodeCrypto();
    native = nodeCrypto ? nodeCryptoProvider(nodeCrypto) : globalWebCrypto() ? webCryptoProvider() : null;
  }
  return native ?? undefined;
}

/**
 * The provider the checkpoint entry (`@healthcode/core/verify`) uses when none is passed:
 * {@link nativeCryptoProvider}, else ES256 on @noble/curves where the engine has BigInt, else none.
 */
export function builtinCryptoProvider(): CryptoProvider | undefined {
  if (builtin === undefined) builtin = nativeCryptoProvider() ?? (hasBigInt() ? nobleCryptoProvider() : null);
  return builtin ?? undefined;
}
