/**
 * The HealthCode service's HTTP contract (`/v1`): route paths, zod schemas of every
 * request and response, the error shape and `ApiError`. The engine that implements
 * it lives in `@healthcode/service`.
 */
export * from './routes.js';
export * from './api-error.js';
export * from './schemas/index.js';
