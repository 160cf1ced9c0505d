import { jsrsasignCryptoProvider, nodeCryptoProvider, webCryptoProvider } from '@healthcode/core/code';
import { testCryptoProvider } from '@healthcode/test-utils';
import { nodeOracle } from './support/node-oracle.js';

testCryptoProvider('webcrypto', () => webCryptoProvider(), {
  oracle: nodeOracle,
  counterparts: [{ name: 'jsrsasign', make: jsrsasignCryptoProvider }],
});

// jsrsasign is slow (tens of ms per ES256 operation, seconds per RSA key), so its suite skips RSA
// key generation; the cross-checks against webcrypto run in the webcrypto suite above.
testCryptoProvider('jsrsasign', jsrsasignCryptoProvider, { oracle: nodeOracle, generateRsa: false });

testCryptoProvider('node', () => nodeCryptoProvider(), {
  oracle: nodeOracle,
  counterparts: [{ name: 'webcrypto', make: () => webCryptoProvider() }],
});
