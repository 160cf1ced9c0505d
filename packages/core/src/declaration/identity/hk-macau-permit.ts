import type { IdentityProblem } from './problem.js';

/**
 * Checks a Mainland Travel Permit for Hong Kong and Macao Residents number:
 * `H` (Hong Kong) or `M` (Macao) and the holder's 8-digit lifelong number,
 * optionally followed by the 2-digit count of renewals (the 11-character form
 * of the permits issued since 1999; cards since 2013 print the 9-character form).
 */
export function checkHkMacauPermitNumber(number: string): IdentityProblem | undefined {
  return /^[HMhm]\d{8}(\d{2})?$/.test(number) ? undefined : 'invalid_format';
}

/** The holder's lifelong part (first 9 characters, upper case), which survives renewals. */
export function hkMacauPermitHolderNumber(number: string): string {
  return number.slice(0, 9).toUpperCase();
}
