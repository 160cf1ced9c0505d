import type { HealthStatus } from '@healthcode/core';
import type { StatusCounts } from '@healthcode/core/api';
import type { OrgDaySummary, StoredCheckin, StoredDeclaration, StoredEmployee, StoredVenue, VenueDaySummary } from './store.js';

/** Counts of nobody, per status. */
export const zeroCounts = (): StatusCounts => ({ green: 0, yellow: 0, red: 0 });

/**
 * Aggregates an organisation's day from its rows, in memory: the reference for what the
 * SQL stores compute in their databases. `declarations` and `checkins` are the day's,
 * oldest first; `employees` and `venues` in the order they were added.
 */
export function summariseOrgDayInMemory(
  employees: StoredEmployee[],
  venues: StoredVenue[],
  declarations: StoredDeclaration[],
  checkins: StoredCheckin[],
): OrgDaySummary {
  const staff = new Set(employees.map((e) => e.subjectId));
  const declared = new Map<string, HealthStatus>();
  for (const d of declarations) if (staff.has(d.subjectId)) declared.set(d.subjectId, d.status);
  const declaredByStatus = zeroCounts();
  for (const status of declared.values()) declaredByStatus[status] += 1;

  const perVenue = new Map<string, VenueDaySummary>(
    venues.map((v) => [v.venueId, { venueId: v.venueId, name: v.name, checkins: 0, rejected: 0, byStatus: zeroCounts() }]),
  );
  const visitorStatus = new Map<string, HealthStatus>();
  for (const c of checkins) {
    const venue = perVenue.get(c.venueId);
    if (!venue) continue;
    venue.checkins += 1;
    if (!c.valid || !c.status || !c.subjectId) {
      venue.rejected += 1;
      continue;
    }
    venue.byStatus[c.status] += 1;
    if (!staff.has(c.subjectId)) visitorStatus.set(c.subjectId, c.status);
  }
  const visitors = zeroCounts();
  for (const status of visitorStatus.values()) visitors[status] += 1;
  return {
    employees: employees.length,
    declaredByStatus,
    notDeclared: employees.filter((e) => !declared.has(e.subjectId)),
    venues: [...perVenue.values()],
    visitors: { total: visitorStatus.size, byStatus: visitors },
  };
}
