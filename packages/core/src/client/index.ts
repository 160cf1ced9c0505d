export { createClient } from './create-client.js';
export type {
  ClientOptions,
  HealthCodeClient,
  SignInOptions,
  SubmitResult,
  CheckinOutcome,
  CheckinTarget,
  ScanResult,
  FlushReport,
  ColourChange,
} from './types.js';
export { ClientError, type ClientErrorCode } from './client-error.js';
export { DEFAULT_RETRY_POLICY, backoffDelay, type RetryPolicy } from './retry.js';
export type { Session } from './session-store.js';
export type { CodeSnapshot } from './code-cache.js';
export type { QueuedRequest, QueuedKind } from './offline-queue.js';
