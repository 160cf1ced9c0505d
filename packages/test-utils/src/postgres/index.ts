import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type {} from './provided.js';

/** The run's PostgreSQL (from the global setup), or why its tests skip. */
export function postgresForTests(): { url: string; skip?: undefined } | { url?: undefined; skip: string } {
  const provided = inject('healthcodePostgres');
  return 'url' in provided ? { url: provided.url } : { skip: provided.skip };
}

/** A schema name no other test uses, so tests sharing one database start empty. */
export const freshSchema = (): string => `t_${randomBytes(6).toString('hex')}`;

export { DEFAULT_PG_BIN, postgresUnavailable, startThrowAwayPostgres, type ThrowAwayPostgres } from './cluster.js';
