import { ApiError } from '@healthcode/core/api';

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests allowed per key per window. */
  limit: number;
  windowSeconds: number;
  now: () => Date;
  /** Keys tracked before finished windows are swept; default 10,000. */
  sweepAbove?: number;
}

/**
 * Fixed-window counter per key (a user, say): cheap, in memory, per process. It guards
 * the expensive routes against a runaway client; it is no defence against a botnet,
 * which belongs to the proxy in front.
 */
export function createRateLimiter(options: RateLimiterOptions) {
  const windows = new Map<string, { start: number; count: number }>();
  const windowMs = options.windowSeconds * 1000;
  const sweepAbove = options.sweepAbove ?? 10_000;

  return {
    /** Counts one request of `key`; throws `rate_limited` (with `details.retryAfterSeconds`) past the limit. */
    take(key: string): void {
      const now = options.now().getTime();
      if (windows.size > sweepAbove) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      }
      let window = windows.get(key);
      if (!window || now - window.start >= windowMs) {
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count > options.limit) {
        const retryAfterSeconds = Math.ceil((window.start + windowMs - now) / 1000);
        throw new ApiError('rate_limited', `too many requests: at most ${options.limit} per ${options.windowSeconds} s`, {
          details: { retryAfterSeconds },
        });
      }
    },
  };
}

/** A rate limiter of the service engine. */
export type RateLimiter = ReturnType<typeof createRateLimiter>;
