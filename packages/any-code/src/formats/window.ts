import type { Failure } from '../result.js';
import type { VerifyContext } from '../trust.js';

/** NumericDate seconds as a Date, when they are a finite number. */
export const secondsToDate = (seconds: unknown): Date | undefined =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(Math.floor(seconds) * 1000) : undefined;

/**
 * The failure, if any, of checking `now` against a validity window, with the context's skew. The
 * window is inclusive at both ends: dgc-testdata expects a certificate checked at its very `exp`
 * second to pass (DK and ES cases).
 */
export function windowFailure(validFrom: Date | undefined, validUntil: Date | undefined, { now, clockSkew }: VerifyContext): Failure | undefined {
  const skewMs = clockSkew * 1000;
  if (validFrom && validFrom.getTime() > now.getTime() + skewMs) return { reason: 'not_yet_valid', message: `valid from ${validFrom.toISOString()}` };
  if (validUntil && validUntil.getTime() < now.getTime() - skewMs) return { reason: 'expired', message: `expired at ${validUntil.toISOString()}` };
  return undefined;
}
