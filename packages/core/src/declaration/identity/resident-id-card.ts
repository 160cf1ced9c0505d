import { PROVINCE_CODES } from '../regions.js';
import { checkBirthDate } from './birth-date.js';
import { hasValidGb11643Check } from './gb11643.js';
import type { IdentityCheckContext, IdentityProblem } from './problem.js';

/**
 * Checks a PRC Resident Identity Card number (GB 11643-1999): 6-digit address
 * code whose province exists, 8-digit date of birth (real, not in the future),
 * 3-digit sequence and the MOD 11-2 check character (`X` or `x` for 10).
 */
export function checkResidentIdNumber(number: string, ctx: IdentityCheckContext): IdentityProblem | undefined {
  if (!/^\d{17}[\dXx]$/.test(number)) return 'invalid_format';
  if (!PROVINCE_CODES.has(number.slice(0, 2)) || number.slice(2, 6) === '0000') return 'invalid_region';
  return checkBirthDate(number.slice(6, 14), ctx.today) ?? (hasValidGb11643Check(number) ? undefined : 'invalid_check_digit');
}
