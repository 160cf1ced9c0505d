import { checkBirthDate } from './birth-date.js';
import { isCountryAlpha3 } from './countries.js';
import { hasValidGb11643Check } from './gb11643.js';
import type { IdentityCheckContext, IdentityProblem } from './problem.js';

/**
 * Checks a Foreign Permanent Resident ID Card number, either format:
 *
 * - 2017 card, 15 characters: the holder's ISO 3166-1 alpha-3 nationality
 *   (upper case, must be assigned) and 12 digits. The digits' inner structure
 *   is not published in a form we can check, so only the shape is.
 * - 2023 card, 18 characters on the pattern of the citizen number: `9`, 16 more
 *   digits with the date of birth at positions 7-14, and a GB 11643 check
 *   character.
 */
export function checkForeignPermanentResidentIdNumber(number: string, ctx: IdentityCheckContext): IdentityProblem | undefined {
  if (/^[A-Z]{3}\d{12}$/.test(number)) return isCountryAlpha3(number.slice(0, 3)) ? undefined : 'invalid_country';
  if (!/^9\d{16}[\dXx]$/.test(number)) return 'invalid_format';
  return checkBirthDate(number.slice(6, 14), ctx.today) ?? (hasValidGb11643Check(number) ? undefined : 'invalid_check_digit');
}
