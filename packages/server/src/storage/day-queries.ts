import type { HealthStatus } from '@healthcode/core';
import type { StatusCounts } from '@healthcode/core/api';
import type { PurgeReport, RetentionPolicy, VenueDaySummary } from '@healthcode/service';
import { ServerConfigError } from '../errors.js';
import { num, str, type Row } from './rows.js';

// What both SQL stores share around their aggregate and purge queries.

/** The instants before which each kind of record is purged, as named query parameters. */
export function purgeCutoffs(now: number, r: RetentionPolicy): Record<string, number> {
  return {
    now,
    pendingBefore: now - r.pendingMs,
    answeredBefore: now - r.answeredMs,
    declarationsBefore: now - r.declarationsMs,
    codesBefore: now - r.codesMs,
    checkinsBefore: now - r.checkinsMs,
  };
}

/**
 * Which rows of each table a purge deletes (conditions over {@link purgeCutoffs}, `@name`
 * parameters). A code goes only once a newer one of its user exists: the current code stays.
 */
export const PURGES: ReadonlyArray<{ kind: keyof PurgeReport; table: string; where: string }> = [
  { kind: 'sessions', table: 'sessions', where: 'expires_at <= @now' },
  { kind: 'idempotency', table: 'idempotency', where: 'created_at < CASE WHEN status = 0 THEN @pendingBefore ELSE @answeredBefore END' },
  { kind: 'declarations', table: 'declarations', where: 'declared_at < @declarationsBefore' },
  {
    kind: 'codes',
    table: 'codes',
    where:
      'expires_at < @codesBefore AND EXISTS (SELECT 1 FROM codes newer WHERE newer.user_id = codes.user_id AND newer.issued_at > codes.issued_at)',
  },
  { kind: 'checkins', table: 'checkins', where: 'checked_in_at < @checkinsBefore' },
];

/** Rows of `(status, n)` as counts of every status; a row without status (nobody declared) is left out. */
export function countsByStatus(rows: Row[]): StatusCounts {
  const counts: StatusCounts = { green: 0, yellow: 0, red: 0 };
  for (const r of rows) if (r.status !== null) counts[str(r.status) as HealthStatus] = num(r.n);
  return counts;
}

/** A row of the venue-day query: a venue and its (possibly absent) aggregate. */
export const venueSummary = (r: Row): VenueDaySummary => ({
  venueId: str(r.venue_id),
  name: str(r.name),
  checkins: num(r.checkins ?? 0),
  rejected: num(r.rejected ?? 0),
  byStatus: { green: num(r.green ?? 0), yellow: num(r.yellow ?? 0), red: num(r.red ?? 0) },
});

/** A lower-case SQL identifier, safe to splice into a statement. */
export const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Throws unless `table` and `columns` are plain SQL identifiers (they are spliced into bulk inserts). */
export function assertIdentifiers(table: string, columns: readonly string[]): void {
  if (!IDENTIFIER.test(table) || !columns.every((c) => IDENTIFIER.test(c))) {
    throw new ServerConfigError('server/invalid_options', 'table and columns must be SQL identifiers');
  }
}
