import { isCountryAlpha3 } from './countries.js';
import type { IdentityProblem } from './problem.js';

/**
 * Checks a passport number: 5 to 17 letters or digits, case-insensitive (ICAO
 * 9303 leaves the format to the issuing state; 9 characters is the usual length,
 * longer numbers continue in the optional data field).
 */
export function checkPassportNumber(number: string): IdentityProblem | undefined {
  return /^[A-Za-z0-9]{5,17}$/.test(number) ? undefined : 'invalid_format';
}

/** Checks a nationality: an assigned ISO 3166-1 alpha-3 code in upper case. */
export function checkNationality(code: string): IdentityProblem | undefined {
  if (!/^[A-Z]{3}$/.test(code)) return 'invalid_format';
  return isCountryAlpha3(code) ? undefined : 'invalid_country';
}
