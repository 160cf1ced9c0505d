/** Shared test suites, each run against every implementation of one contract. */
export * from './crypto/index.js';
export * from './host/index.js';
export * from './contract/index.js';
export * from './postgres/index.js';
