/** `shc:/` then pairs of digits; `shc:/N/M/` starts one chunk of a card split over several QR codes. */
export const SHC_PREFIX = 'shc:/';
const CHUNKED = /^shc:\/\d+\/\d+\//;

/** Whether the text is one chunk of a card split over several QR codes. */
export const isChunked = (text: string): boolean => CHUNKED.test(text);

/**
 * The compact JWS a single-QR card carries: each pair of digits is a character code minus 45
 * (SMART Health Cards, "Encoding Chunks as QR codes"); `undefined` for an odd count, a non-digit
 * or a pair above 77 (`z`).
 */
export function numericToJws(text: string): string | undefined {
  const digits = text.slice(SHC_PREFIX.length);
  if (digits.length === 0 || digits.length % 2 !== 0 || !/^\d+$/.test(digits)) return undefined;
  let out = '';
  for (let i = 0; i < digits.length; i += 2) {
    const value = Number(digits.slice(i, i + 2));
    if (value > 77) return undefined;
    out += String.fromCharCode(value + 45);
  }
  return out;
}
