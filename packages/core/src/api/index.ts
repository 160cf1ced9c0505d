/**
 * The HealthCode service's HTTP contract (`/v1`): route paths, zod schemas of every
 * request and response, the error shape and `ApiError`; and the transport-free
 * service engine the reference server and the mock handlers both run.
 */
export * from './routes.js';
export * from './api-error.js';
export * from './schemas/index.js';
export * from './service/index.js';
