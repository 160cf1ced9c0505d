import { CodeFormatError } from '../errors.js';
import { decodeCompactJws } from '../jws/compact.js';
import { decodeFrame, encodeFrame, type FrameParts } from './frame.js';
import { bytesToDigits, digitsByteLength, digitsToBytes } from './numeric.js';

/**
 * Prefix of every health code QR text; QR alphanumeric, and it names the format version (2). Unlike
 * version 1's `HC1:`, it is used by no other health-certificate format, so a scanner can dispatch on it.
 */
export const QR_PREFIX = 'HCODE2:';
/**
 * Prefix of format version 1, which EU Digital COVID Certificates also use. Verifiers still read it
 * (same digits and frame) for one release so codes issued before the upgrade keep scanning.
 *
 * @deprecated Issuers write {@link QR_PREFIX}; verifiers stop accepting this prefix in the next release.
 */
export const LEGACY_QR_PREFIX = 'HC1:';
/** Longest QR text accepted; anything longer is refused before any parsing. */
export const MAX_QR_TEXT_LENGTH = 2048;
const MAX_PART_BYTES = 0xffff;
// Frames are decoded synchronously and decodeFrame copies what it returns, so one buffer serves
// every call (an allocation fewer per verification).
const frameScratch = new Uint8Array(digitsByteLength(MAX_QR_TEXT_LENGTH));

/**
 * Turns a compact JWS into QR text: {@link QR_PREFIX} followed by the decimal digits of the binary frame
 * (see docs/code-format.md). The result decodes back to exactly the same JWS.
 *
 * @throws {@link CodeFormatError} `malformed` when `jws` is not a canonical compact JWS;
 *   `too_large` when the QR text would exceed {@link MAX_QR_TEXT_LENGTH}
 */
export function wrapJws(jws: string): string {
  const decoded = typeof jws === 'string' ? decodeCompactJws(jws) : undefined;
  if (!decoded) throw new CodeFormatError('code/malformed', 'not a compact JWS with canonical base64url parts and a JSON header');
  const { headerBytes, payloadBytes, signature } = decoded;
  if (headerBytes.length > MAX_PART_BYTES || signature.length > MAX_PART_BYTES) {
    throw new CodeFormatError('code/too_large', 'JWS header or signature too large for a frame');
  }
  const text = QR_PREFIX + bytesToDigits(encodeFrame({ header: headerBytes, payload: payloadBytes, signature }));
  if (text.length > MAX_QR_TEXT_LENGTH) throw new CodeFormatError('code/too_large', `QR text would be ${text.length} characters, over ${MAX_QR_TEXT_LENGTH}`);
  return text;
}

/** Length of the prefix `qrText` starts with, current or legacy; -1 for neither. */
function prefixLength(qrText: string): number {
  if (qrText.startsWith(QR_PREFIX)) return QR_PREFIX.length;
  return qrText.startsWith(LEGACY_QR_PREFIX) ? LEGACY_QR_PREFIX.length : -1;
}

/**
 * Recovers the JWS parts from QR text, checking size first, then prefix ({@link QR_PREFIX}, or the
 * deprecated {@link LEGACY_QR_PREFIX}), digits and frame.
 *
 * @throws {@link CodeFormatError} `too_large` or `malformed`
 */
export function unwrapQrText(qrText: string): FrameParts {
  if (typeof qrText !== 'string') throw new CodeFormatError('code/malformed', 'QR text must be a string');
  if (qrText.length > MAX_QR_TEXT_LENGTH) throw new CodeFormatError('code/too_large', `QR text longer than ${MAX_QR_TEXT_LENGTH} characters`);
  const start = prefixLength(qrText);
  if (start < 0) throw new CodeFormatError('code/malformed', `QR text does not start with ${QR_PREFIX}`);
  const frame = digitsToBytes(qrText, start, frameScratch);
  if (!frame) throw new CodeFormatError('code/malformed', 'QR text body is not a valid digit encoding');
  const parts = decodeFrame(frame);
  if (!parts) throw new CodeFormatError('code/malformed', 'QR text does not hold a valid frame');
  return parts;
}
