/**
 * `@healthcode/server`: the reference HealthCode service on Node.js, fastify and
 * SQLite or PostgreSQL. See docs/server.md.
 *
 * @packageDocumentation
 */
export { createServer, type HealthCodeServer, type HousekeepingOptions, type ServerOptions } from './server.js';
export { ServerConfigError, type ServerConfigErrorCode } from './errors.js';
export { healthCodePlugin, type HealthCodePluginOptions } from './plugin.js';
export { dashboardLink } from './dashboard-link.js';
export type { Storage } from './storage/storage.js';
export { openSqliteStorage, type SqliteStorageOptions } from './storage/sqlite.js';
export { openPostgresStorage, type PostgresStorage, type PostgresStorageOptions } from './storage/postgres.js';
export { isPostgresUrl, openStorage } from './storage/open.js';
export { KEY_FILES, loadOrCreateKeyringState, loadOrCreateOperatorToken, saveKeyringState } from './keys.js';
export { REDACTED_PATHS, type LogOptions } from './logging.js';
