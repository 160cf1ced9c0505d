import type { IdentityProblem } from './problem.js';

/** Checks a Mainland Travel Permit for Taiwan Residents number: the 8 digits of the card issued since 2015. */
export function checkTaiwanPermitNumber(number: string): IdentityProblem | undefined {
  return /^\d{8}$/.test(number) ? undefined : 'invalid_format';
}
