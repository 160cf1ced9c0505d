/**
 * Why an identity document number was refused, most basic first: a number with
 * the wrong shape is only ever reported as `invalid_format`.
 */
export type IdentityProblem =
  'invalid_format' | 'invalid_region' | 'invalid_country' | 'invalid_birth_date' | 'date_in_future' | 'invalid_check_digit';

/** What a number check needs to know besides the number: the city's date today. */
export interface IdentityCheckContext {
  /** The city's calendar date (`YYYY-MM-DD`) at the declaration time. */
  today: string;
}
