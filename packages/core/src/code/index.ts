/**
 * The signed health code: keys and crypto providers, issuing, QR text encoding, trust lists and
 * verification. Format: docs/code-format.md; threat model: docs/security.md.
 */
export { type Alg, type PublicJwk, type PrivateJwk, SUPPORTED_ALGORITHMS, toPublicJwk, parsePublicJwk, parsePrivateJwk } from './keys.js';
export { generateKeyPair } from './key-generation.js';
export type { CryptoProvider, GeneratedKeyMaterial } from './crypto/provider.js';
export { defaultCryptoProvider } from './crypto/default-provider.js';
export { builtinCryptoProvider } from './crypto/builtin-provider.js';
export { nobleCryptoProvider, type NobleCryptoProviderOptions } from './crypto/noble-provider.js';
export { jsrsasignCryptoProvider } from './crypto/jsrsasign-provider.js';
export { webCryptoProvider, type SubtleCryptoLike } from './crypto/webcrypto-provider.js';
export { nodeCryptoProvider } from './crypto/node-provider.js';
export { isWellFormedEs256Signature } from './crypto/ecdsa-signature.js';
export {
  CodeFormatError,
  type CodeFormatErrorCode,
  CodeInputError,
  type CodeInputErrorCode,
  CryptoError,
  type CryptoErrorCode,
  TrustListError,
  type TrustListErrorCode,
} from './errors.js';
export { type CodeDisplay, CODE_TYP, DEFAULT_CODE_TTL_SECONDS, MAX_CODE_TTL_SECONDS } from './claims.js';
export { type IssueCodeInput, issueCode } from './issue.js';
export { QR_PREFIX, LEGACY_QR_PREFIX, MAX_QR_TEXT_LENGTH, wrapJws } from './qr/qr-text.js';
export { FRAME_VERSION, MAX_INFLATED_BYTES } from './qr/frame.js';
export { FRAME_DICTIONARY_TEXT } from './qr/dictionary.js';
export { type DecodedCode, decodeQrText } from './decode.js';
export { utf8Decode } from './jws/utf8.js';
export { parseJsonObject } from './jws/json.js';
export {
  type VerifyOptions,
  type VerifyResult,
  type ValidCode,
  type InvalidCode,
  type VerifyFailureReason,
  DEFAULT_CLOCK_SKEW_SECONDS,
  VERIFY_FAILURE_REASONS,
  type VerifyCode,
} from './verify.js';
export { verifyCode, verifyTrustList } from './verifiers.js';
export { type TrustList, type TrustedIssuer, type TrustedKey, TRUST_LIST_TYP } from './trust/trust-list.js';
export { signTrustList } from './trust/sign.js';
export { type VerifyTrustListOptions, type VerifyTrustList, MAX_TRUST_LIST_LENGTH } from './trust/verify.js';
