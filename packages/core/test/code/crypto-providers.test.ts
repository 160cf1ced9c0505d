import { jsrsasignCryptoProvider, nobleCryptoProvider, nodeCryptoProvider, webCryptoProvider } from '@healthcode/core/code';
import { testCryptoProvider } from '@healthcode/test-utils';
import { nodeOracle } from './support/node-oracle.js';

// Every provider against the node:crypto oracle, and each against the others: what one signs, the
// others verify.
const noble = { name: 'noble', make: () => nobleCryptoProvider(), algorithms: ['ES256'] as const };
const jsrsasign = { name: 'jsrsasign', make: jsrsasignCryptoProvider };

testCryptoProvider('webcrypto', () => webCryptoProvider(), { oracle: nodeOracle, counterparts: [jsrsasign, noble] });

// jsrsasign is slow (tens of ms per ES256 operation, seconds per RSA key), so its suite skips RSA
// key generation; the cross-checks against webcrypto run in the webcrypto suite above.
testCryptoProvider('jsrsasign', jsrsasignCryptoProvider, { oracle: nodeOracle, generateRsa: false, counterparts: [noble] });

testCryptoProvider('node', () => nodeCryptoProvider(), {
  oracle: nodeOracle,
  counterparts: [{ name: 'webcrypto', make: () => webCryptoProvider() }, noble],
});

testCryptoProvider('noble', () => nobleCryptoProvider(), { oracle: nodeOracle, algorithms: ['ES256'], counterparts: [jsrsasign] });

// As defaultCryptoProvider builds it for engines with BigInt but no WebCrypto.
testCryptoProvider('noble with jsrsasign for RSA', () => nobleCryptoProvider({ rsa: jsrsasignCryptoProvider() }), {
  oracle: nodeOracle,
  generateRsa: false,
  counterparts: [{ name: 'node', make: () => nodeCryptoProvider() }],
});
