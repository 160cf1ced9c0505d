import { HealthCodeError } from '../errors.js';

/** Why a QR text or compact JWS could not be decoded. */
export type CodeFormatErrorCode = 'malformed' | 'too_large';

/** Thrown by {@link decodeQrText} and {@link wrapJws} for text that is not a well-formed health code. */
export class CodeFormatError extends HealthCodeError<CodeFormatErrorCode> {}

/** Why {@link issueCode} or key handling refused its input. */
export type CodeInputErrorCode = 'invalid_input' | 'invalid_key' | 'unsupported_algorithm';

/** Thrown for bad arguments to issuing and key functions (a programmer error, not a verification result). */
export class CodeInputError extends HealthCodeError<CodeInputErrorCode> {}

/** Why a crypto provider could not do what was asked. */
export type CryptoErrorCode = 'unavailable' | 'invalid_key' | 'no_secure_random' | 'crypto_failure';

/** Thrown by a {@link CryptoProvider} (never by verification, which returns a result instead). */
export class CryptoError extends HealthCodeError<CryptoErrorCode> {}

/** Why a signed trust list was refused. */
export type TrustListErrorCode =
  | 'malformed'
  | 'wrong_type'
  | 'unsupported_algorithm'
  | 'forbidden_header'
  | 'unknown_key'
  | 'bad_signature'
  | 'invalid_content'
  | 'expired'
  | 'not_yet_valid'
  | 'stale'
  | 'invalid_options';

/** Thrown by {@link verifyTrustList} and {@link signTrustList}; `code` says why. */
export class TrustListError extends HealthCodeError<TrustListErrorCode> {}
