/**
 * The check character of GB 11643 (citizen identity numbers), ISO 7064 MOD 11-2:
 * each of the 17 body digits is weighted by 2^(17-i) mod 11, the sum is taken
 * mod 11, and the check character is the value that makes the whole number
 * (body + check) congruent to 1; a value of 10 is written `X`.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for a body of exactly 17 digits; `undefined` for anything else. */
export function gb11643CheckChar(body: string): string | undefined {
  if (!/^\d{17}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11];
}

/** True when an 18-character number's last character is its GB 11643 check character (`x` counts as `X`). */
export function hasValidGb11643Check(number: string): boolean {
  return number.length === 18 && gb11643CheckChar(number.slice(0, 17)) === number.slice(17).toUpperCase();
}
