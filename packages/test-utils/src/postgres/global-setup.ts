import type { TestProject } from 'vitest/node';
import { postgresUnavailable, startThrowAwayPostgres } from './cluster.js';

import type {} from './provided.js';

/**
 * Vitest global setup: one PostgreSQL for the whole run (started once, stopped after the
 * last test). `HEALTHCODE_TEST_DATABASE_URL` names an existing server instead. Without
 * binaries the PostgreSQL tests skip, unless `HEALTHCODE_REQUIRE_POSTGRES=1` (CI sets it),
 * which turns a missing PostgreSQL into a failure.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const external = process.env.HEALTHCODE_TEST_DATABASE_URL;
  if (external) {
    project.provide('healthcodePostgres', { url: external });
    return undefined;
  }
  const why = postgresUnavailable();
  if (why) {
    if (process.env.HEALTHCODE_REQUIRE_POSTGRES === '1') throw new Error(`HEALTHCODE_REQUIRE_POSTGRES=1 but ${why}`);
    console.warn(`[postgres] skipping the PostgreSQL tests: ${why}`);
    project.provide('healthcodePostgres', { skip: why });
    return undefined;
  }
  const server = await startThrowAwayPostgres();
  project.provide('healthcodePostgres', { url: server.url });
  return () => server.stop();
}
