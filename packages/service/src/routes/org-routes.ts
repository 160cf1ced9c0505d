import { addDays, cityDate, cityDayStart } from '@healthcode/core/declaration';
import { deriveSubjectId } from '@healthcode/core/privacy';
import type { HealthStatus } from '@healthcode/core';
import { ApiError } from '@healthcode/core/api';
import { API_ROUTES } from '@healthcode/core/api';
import type { StatusCounts } from '@healthcode/core/api';
import {
  addEmployeeRequestSchema,
  addVenueRequestSchema,
  createOrgRequestSchema,
  dashboardQuerySchema,
  type AddVenueResponse,
  type CreateOrgResponse,
  type DashboardResponse,
  type Employee,
  type Venue,
} from '@healthcode/core/api';
import { requireOperator, requireOrgAdmin, type ServiceContext } from '../context.js';
import { created, ok, parseOrThrow, type ServiceRoute } from '../http.js';
import { newId, newToken } from '../ids.js';
import type { StoredCheckin, StoredEmployee, StoredVenue } from '../store/store.js';

/** The dashboard's days are the city's: Asia/Shanghai (UTC+8, no daylight saving). */
const DASHBOARD_TIME_ZONE = 'Asia/Shanghai';
const zeroCounts = (): StatusCounts => ({ green: 0, yellow: 0, red: 0 });

function employeeJson(e: StoredEmployee): Employee {
  return e.label === undefined
    ? { employeeId: e.employeeId, subjectId: e.subjectId }
    : { employeeId: e.employeeId, subjectId: e.subjectId, label: e.label };
}

function venueJson(v: StoredVenue): Venue {
  const venue: Venue = { venueId: v.venueId, orgId: v.orgId, name: v.name };
  if (v.address !== undefined) venue.address = v.address;
  return venue;
}

/** Counts check-ins per venue, and distinct visitors (non-employees) by their latest status. */
function summariseCheckins(venues: StoredVenue[], checkins: StoredCheckin[], employees: Set<string>) {
  const perVenue = new Map(
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
    if (!employees.has(c.subjectId)) visitorStatus.set(c.subjectId, c.status);
  }
  const visitors = zeroCounts();
  for (const status of visitorStatus.values()) visitors[status] += 1;
  return { venues: [...perVenue.values()], visitors: { total: visitorStatus.size, byStatus: visitors } };
}

/** Organisations (operator), their employees and venues, and the admin's dashboard. */
export function orgRoutes(ctx: ServiceContext): ServiceRoute[] {
  return [
    {
      method: 'POST',
      path: API_ROUTES.orgs,
      async handle(request) {
        requireOperator(ctx, request);
        const { name } = parseOrThrow(createOrgRequestSchema, request.body, 'organisation');
        const org = { orgId: newId('org', ctx.crypto), name, createdAt: ctx.now().getTime() };
        const adminToken = newToken(ctx.crypto);
        await ctx.store.saveOrg(org, adminToken);
        const response: CreateOrgResponse = { orgId: org.orgId, name, adminToken, createdAt: new Date(org.createdAt).toISOString() };
        return created(response);
      },
    },
    {
      method: 'POST',
      path: API_ROUTES.orgEmployees,
      async handle(request) {
        const org = await requireOrgAdmin(ctx, request, request.params['orgId']);
        const body = parseOrThrow(addEmployeeRequestSchema, request.body, 'employee');
        const subjectId =
          'subjectId' in body ? body.subjectId : deriveSubjectId(body.identityDocument, ctx.keyring.subjectKey, { crypto: ctx.crypto });
        const employee: StoredEmployee = {
          employeeId: newId('emp', ctx.crypto),
          orgId: org.orgId,
          subjectId,
          createdAt: ctx.now().getTime(),
        };
        if (body.label !== undefined) employee.label = body.label;
        if (!(await ctx.store.addEmployee(employee))) throw new ApiError('conflict', 'already an employee of this organisation');
        return created(employeeJson(employee));
      },
    },
    {
      method: 'POST',
      path: API_ROUTES.orgVenues,
      async handle(request) {
        const org = await requireOrgAdmin(ctx, request, request.params['orgId']);
        const body = parseOrThrow(addVenueRequestSchema, request.body, 'venue');
        const venue: StoredVenue = { venueId: newId('ven', ctx.crypto), orgId: org.orgId, name: body.name, createdAt: ctx.now().getTime() };
        if (body.address !== undefined) venue.address = body.address;
        const scannerToken = newToken(ctx.crypto);
        await ctx.store.saveVenue(venue, scannerToken);
        const response: AddVenueResponse = { ...venueJson(venue), scannerToken };
        return created(response);
      },
    },
    {
      method: 'GET',
      path: API_ROUTES.orgDashboard,
      async handle(request) {
        const org = await requireOrgAdmin(ctx, request, request.params['orgId']);
        const now = ctx.now();
        const date = parseOrThrow(dashboardQuerySchema, request.query, 'dashboard query').date ?? cityDate(now);
        const from = cityDayStart(date).getTime();
        const to = cityDayStart(addDays(date, 1)).getTime();
        const [employees, statuses, venues, checkins] = await Promise.all([
          ctx.store.listEmployees(org.orgId),
          ctx.store.latestEmployeeStatuses(org.orgId, from, to),
          ctx.store.listVenues(org.orgId),
          ctx.store.listCheckins(org.orgId, from, to),
        ]);
        const declared = new Map(statuses.map((s) => [s.subjectId, s.status]));
        const byStatus = zeroCounts();
        for (const status of declared.values()) byStatus[status] += 1;
        const summary = summariseCheckins(venues, checkins, new Set(employees.map((e) => e.subjectId)));
        const response: DashboardResponse = {
          orgId: org.orgId,
          name: org.name,
          date,
          timeZone: DASHBOARD_TIME_ZONE,
          generatedAt: now.toISOString(),
          employees: {
            total: employees.length,
            byStatus,
            notDeclared: employees.filter((e) => !declared.has(e.subjectId)).map(employeeJson),
          },
          visitors: summary.visitors,
          venues: summary.venues,
        };
        return ok(response);
      },
    },
  ];
}
