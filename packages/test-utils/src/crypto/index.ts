/** Crypto conformance suite and fixed test keys. */
export { testCryptoProvider, type CryptoSuiteOptions, type SignatureOracle } from './suite.js';
export { es256SignatureForgeries, toDerSignature } from './signature-forgeries.js';
export { TEST_ISSUER_KEY, TEST_ISSUER_NEXT_KEY, TEST_ROOT_KEY, TEST_RSA_KEY } from './test-keys.js';
