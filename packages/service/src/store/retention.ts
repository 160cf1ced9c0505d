import type { RetentionPolicy } from './store.js';

const DAY_MS = 86_400_000;

/**
 * Answers to idempotent requests are kept a day: clients resend a queued write within
 * hours, not days. A claim whose request never finished (its process died) is dropped
 * after five minutes, long past any request's timeout. Declarations and check-ins are
 * kept 28 days: the assessment looks 28 days back, and two incubation periods cover any
 * contact tracing that asks who was where. A code is needed only while it can be shown,
 * so it goes a day after its expiry (the user's current code stays). Purges delete
 * 5,000 rows per statement, a few milliseconds of lock each.
 */
export const DEFAULT_RETENTION: Readonly<RetentionPolicy> = Object.freeze({
  answeredMs: DAY_MS,
  pendingMs: 300_000,
  declarationsMs: 28 * DAY_MS,
  codesMs: DAY_MS,
  checkinsMs: 28 * DAY_MS,
  batchSize: 5_000,
});
