import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  API_ROUTES,
  ApiError,
  addVenueResponseSchema,
  apiPath,
  createOrgResponseSchema,
  employeeSchema,
  type AddEmployeeRequest,
  type AddVenueRequest,
} from '@healthcode/core/api';

/** The demo organisation the playground creates at first start, kept in `demo.json`. */
export interface DemoSetup {
  orgId: string;
  orgName: string;
  /** The organisation admin's bearer token: opens its dashboard. */
  adminToken: string;
  /** Each venue with its scanner token: the checkpoint device posts check-ins with it. */
  venues: { venueId: string; name: string; scannerToken: string }[];
  /** The demo user's identity document, registered as an employee: declare with it to count on the dashboard. */
  employeeDocument: { type: string; number: string };
}

/**
 * A made-up resident ID card number with a valid GB 11643 check digit (Beijing
 * Dongcheng, born 1990-03-07); it belongs to nobody.
 */
export const DEMO_DOCUMENT = { type: 'resident_id_card', number: '11010119900307651X' } as const;

/**
 * Creates (first start) or reloads (later starts) the demo organisation, its venue and
 * the demo employee, through the service's own HTTP API as an operator would.
 */
export async function ensureDemoSetup(options: { dataDir: string; baseUrl: string; operatorToken: string }): Promise<DemoSetup> {
  const file = join(options.dataDir, 'demo.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as DemoSetup;
    // A data directory from before venues had scanner tokens gets a fresh demo organisation.
    if (saved.venues.every((v) => typeof v.scannerToken === 'string')) return saved;
  }

  const call = async <T>(path: string, token: string, body: unknown, schema: { parse(value: unknown): T }): Promise<T> => {
    const response = await fetch(options.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json();
    if (!response.ok) throw ApiError.fromResponse(response.status, json);
    return schema.parse(json);
  };
  const org = await call(API_ROUTES.orgs, options.operatorToken, { name: 'Demo Clinic 示例诊所' }, createOrgResponseSchema);
  const venueBody: AddVenueRequest = { name: 'Front entrance 正门', address: '1 Demo Road, Shanghai' };
  const venue = await call(apiPath(API_ROUTES.orgVenues, { orgId: org.orgId }), org.adminToken, venueBody, addVenueResponseSchema);
  const employee: AddEmployeeRequest = { identityDocument: { ...DEMO_DOCUMENT }, label: 'Demo employee' };
  await call(apiPath(API_ROUTES.orgEmployees, { orgId: org.orgId }), org.adminToken, employee, employeeSchema);

  const setup: DemoSetup = {
    orgId: org.orgId,
    orgName: org.name,
    adminToken: org.adminToken,
    venues: [{ venueId: venue.venueId, name: venue.name, scannerToken: venue.scannerToken }],
    employeeDocument: { ...DEMO_DOCUMENT },
  };
  writeFileSync(file, `${JSON.stringify(setup, null, 2)}\n`, { mode: 0o600 });
  return setup;
}
