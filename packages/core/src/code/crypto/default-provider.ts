import { jsrsasignCryptoProvider } from './jsrsasign-provider.js';
import type { CryptoProvider } from './provider.js';
import { globalWebCrypto, webCryptoProvider } from './webcrypto-provider.js';

let cached: CryptoProvider | undefined;

/**
 * The provider used when none is passed: WebCrypto where `globalThis.crypto.subtle` exists (fast,
 * native), otherwise jsrsasign (pure JavaScript, for mini-program engines). Created once, so its key
 * cache is shared by every call.
 */
export function defaultCryptoProvider(): CryptoProvider {
  cached ??= globalWebCrypto() ? webCryptoProvider() : jsrsasignCryptoProvider();
  return cached;
}
