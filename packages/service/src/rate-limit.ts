import { ApiError } from '@healthcode/core/api';

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests allowed per key per window. */
  limit: number;
  windowSeconds: number;
  now: () => Date;
  /** Keys tracked before finished windows are swept; default 10,000. */
  sweepAbove?: number;
  /** Counts in a shared store instead of this process's memory (see `ServiceStore.countInWindow`). */
  shared?: (key: string, windowStart: number) => Promise<number>;
}

/**
 * Fixed-window counter per key (a user, say): cheap, in memory, per process, or in the
 * store when several processes share it. It guards the expensive routes against a runaway
 * client; it is no defence against a botnet, which belongs to the proxy in front.
 */
export function createRateLimiter(options: RateLimiterOptions) {
  const windows = new Map<string, { start: number; count: number }>();
  const windowMs = options.windowSeconds * 1000;
  const sweepAbove = options.sweepAbove ?? 10_000;
  const limited = (windowStart: number, now: number) =>
    new ApiError('rate_limited', `too many requests: at most ${options.limit} per ${options.windowSeconds} s`, {
      details: { retryAfterSeconds: Math.ceil((windowStart + windowMs - now) / 1000) },
    });

  return {
    /** Counts one request of `key`; rejects with `rate_limited` (with `details.retryAfterSeconds`) past the limit. */
    async take(key: string): Promise<void> {
      const now = options.now().getTime();
      if (options.shared) {
        // Windows aligned to the clock, so every process counts into the same one.
        const start = now - (now % windowMs);
        if ((await options.shared(key, start)) > options.limit) throw limited(start, now);
        return;
      }
      if (windows.size > sweepAbove) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      }
      let window = windows.get(key);
      if (!window || now - window.start >= windowMs) {
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count > options.limit) throw limited(window.start, now);
    },
  };
}

/** A rate limiter of the service engine. */
export type RateLimiter = ReturnType<typeof createRateLimiter>;
