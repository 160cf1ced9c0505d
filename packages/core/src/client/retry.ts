/** How many times, and how patiently, a failed request is repeated. */
export interface RetryPolicy {
  /** Extra attempts after the first; 0 disables retrying. */
  retries: number;
  /** Upper bound of the first backoff window, in milliseconds; each retry doubles it. */
  baseDelayMs: number;
  /** No backoff window grows beyond this, in milliseconds. */
  maxDelayMs: number;
  /** Source of jitter in [0, 1); `Math.random` by default. */
  random?: () => number;
}

/** Three retries, backing off within 250 ms, 500 ms, 1 s windows (capped at 4 s). */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({ retries: 3, baseDelayMs: 250, maxDelayMs: 4000 });

/**
 * The pause before retry number `attempt` (0-based): "full jitter", a uniform draw
 * from zero to the exponentially growing window, so that many clients coming back
 * online at once spread their retries instead of hammering the service together.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor((policy.random ?? Math.random)() * window);
}

/** What one attempt produced: a value, or the error it threw. */
export type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `attempt` until `shouldRetry` declines its outcome or the policy's retries are
 * spent, sleeping a jittered backoff in between. The last outcome is returned as a
 * value or rethrown as an error.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: { policy: RetryPolicy; sleep: (ms: number) => Promise<void>; shouldRetry: (outcome: AttemptOutcome<T>) => boolean },
): Promise<T> {
  for (let n = 0; ; n++) {
    let outcome: AttemptOutcome<T>;
    try {
      outcome = { ok: true, value: await attempt() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (n >= options.policy.retries || !options.shouldRetry(outcome)) {
      if (outcome.ok) return outcome.value;
      throw outcome.error;
    }
    await options.sleep(backoffDelay(n, options.policy));
  }
}
