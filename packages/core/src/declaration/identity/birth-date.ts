import { isCalendarDate } from '../calendar.js';
import type { IdentityProblem } from './problem.js';

/**
 * Checks an embedded `YYYYMMDD` date of birth: a real date, not before 1900
 * and not after `today` (`YYYY-MM-DD`).
 */
export function checkBirthDate(yyyymmdd: string, today: string): IdentityProblem | undefined {
  const year = Number(yyyymmdd.slice(0, 4));
  if (year < 1900 || !isCalendarDate(year, Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)))) {
    return 'invalid_birth_date';
  }
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return iso > today ? 'date_in_future' : undefined;
}
