/**
 * `@healthcode/mock-host`: an in-memory `Host` for tests and demos, and msw request
 * handlers that implement the HealthCode service contract.
 *
 * @packageDocumentation
 */
export * from './host/index.js';
export * from './msw/index.js';
