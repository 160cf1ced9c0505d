/**
 * `@healthcode/core`: the platform-neutral heart of HealthCode.
 *
 * - `code/`: the signed health code: issue, encode as QR text, verify against a trust list.
 * - `declaration/`: health declaration schemas, form descriptors and validation.
 * - `assessment/`: the rules that turn a declaration into green, yellow or red.
 * - `privacy/`: display masking and pseudonymous subject ids.
 * - `render/`: the QR module matrix and its renderers.
 * - `host/`: the `Host` interface adapters implement, and the registry.
 * - `api/`: the service's HTTP contract; `client/`: the client that speaks it.
 *
 * @packageDocumentation
 */
export { HealthCodeError } from './errors.js';
export { type HealthStatus, HEALTH_STATUSES } from './status.js';
export * from './code/index.js';
export * from './declaration/index.js';
export * from './assessment/index.js';
export * from './privacy/index.js';
export * from './render/index.js';
export * from './host/index.js';
export * from './api/index.js';
export * from './client/index.js';
