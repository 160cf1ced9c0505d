import { jsrsasignCryptoProvider } from './jsrsasign-provider.js';
import { builtinNodeCrypto, nodeCryptoProvider } from './node-provider.js';
import type { CryptoProvider } from './provider.js';
import { globalWebCrypto, webCryptoProvider } from './webcrypto-provider.js';

let cached: CryptoProvider | undefined;

function choose(): CryptoProvider {
  const nodeCrypto = builtinNodeCrypto();
  if (nodeCrypto) return nodeCryptoProvider(nodeCrypto);
  return globalWebCrypto() ? webCryptoProvider() : jsrsasignCryptoProvider();
}

/**
 * The provider used when none is passed, the first of these the engine has:
 * 1. node:crypto, where `process.getBuiltinModule` loads it (Node 20.16+): synchronous OpenSSL
 *    calls, the fastest in Node because WebCrypto pays a thread-pool round trip per call;
 * 2. WebCrypto, where `globalThis.crypto.subtle` exists (browsers, Deno, Bun, workers);
 * 3. jsrsasign, in pure JavaScript (mini-program engines).
 *
 * Chosen and created once, so its key cache is shared by every call.
 */
export function defaultCryptoProvider(): CryptoProvider {
  cached ??= choose();
  return cached;
}
