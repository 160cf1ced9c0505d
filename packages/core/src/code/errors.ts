import { HealthCodeError } from '../errors.js';

/** Why a QR text or compact JWS could not be decoded. */
export type CodeFormatErrorCode = 'code/malformed' | 'code/too_large';

/** Thrown by {@link decodeQrText} and {@link wrapJws} for text that is not a well-formed health code. */
export class CodeFormatError extends HealthCodeError<CodeFormatErrorCode> {}

/** Why {@link issueCode} or key handling refused its input. */
export type CodeInputErrorCode = 'code/invalid_input' | 'code/invalid_key' | 'code/unsupported_algorithm';

/** Thrown for bad arguments to issuing and key functions (a programmer error, not a verification result). */
export class CodeInputError extends HealthCodeError<CodeInputErrorCode> {}

/** Why a crypto provider could not do what was asked. */
export type CryptoErrorCode = 'crypto/unavailable' | 'crypto/invalid_key' | 'crypto/no_secure_random' | 'crypto/crypto_failure';

/** Thrown by a {@link CryptoProvider} (never by verification, which returns a result instead). */
export class CryptoError extends HealthCodeError<CryptoErrorCode> {}

/** Why a signed trust list was refused. */
export type TrustListErrorCode =
  | 'trust_list/malformed'
  | 'trust_list/wrong_type'
  | 'trust_list/unsupported_algorithm'
  | 'trust_list/forbidden_header'
  | 'trust_list/unknown_key'
  | 'trust_list/bad_signature'
  | 'trust_list/invalid_content'
  | 'trust_list/expired'
  | 'trust_list/not_yet_valid'
  | 'trust_list/stale'
  | 'trust_list/invalid_options';

/** Thrown by {@link verifyTrustList} and {@link signTrustList}; `code` says why. */
export class TrustListError extends HealthCodeError<TrustListErrorCode> {}
