import { openPostgresStorage } from './postgres.js';
import { openSqliteStorage } from './sqlite.js';
import type { Storage } from './storage.js';

/** Whether `db` names a PostgreSQL database (a `postgres://` or `postgresql://` URL) rather than a SQLite file. */
export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//.test(db);

/** Opens the store `db` names: a PostgreSQL URL, or a SQLite file (`:memory:` for a throw-away one). */
export function openStorage(db: string): Promise<Storage> {
  return isPostgresUrl(db) ? openPostgresStorage({ url: db }) : Promise.resolve(openSqliteStorage({ path: db }));
}
