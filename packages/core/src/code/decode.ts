import { CodeFormatError } from './errors.js';
import { encodeCompactJws, jwsFromParts } from './jws/compact.js';
import { parseJsonObject } from './jws/json.js';
import { unwrapQrText } from './qr/qr-text.js';

/** A QR text taken apart without any verification. */
export interface DecodedCode {
  /** The compact JWS the QR text carries. */
  jws: string;
  /** Its protected header. */
  header: Record<string, unknown>;
  /** Its payload (the claims, unchecked). */
  payload: Record<string, unknown>;
}

/**
 * Decodes QR text to its JWS, header and payload **without verifying anything**: for inspection
 * and debugging only. Use {@link verifyCode} to decide whether to trust a code.
 *
 * @throws {@link CodeFormatError} `too_large` or `malformed`
 */
export function decodeQrText(qrText: string): DecodedCode {
  const { header, payload, signature } = unwrapQrText(qrText);
  const decoded = jwsFromParts(header, payload, signature);
  const claims = decoded && parseJsonObject(payload);
  if (!decoded || !claims) throw new CodeFormatError('code/malformed', 'header or payload is not a UTF-8 JSON object');
  return { jws: encodeCompactJws(header, payload, signature), header: decoded.header, payload: claims };
}
