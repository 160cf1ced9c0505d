import type { RetentionPolicy } from './store.js';

/**
 * Answers to idempotent requests are kept a day: clients resend a queued write within
 * hours, not days. A claim whose request never finished (its process died) is dropped
 * after five minutes, long past any request's timeout.
 */
export const DEFAULT_RETENTION: Readonly<RetentionPolicy> = Object.freeze({ answeredMs: 86_400_000, pendingMs: 300_000 });
