import { ApiError } from './api-error.js';

/**
 * Paths of the HealthCode service, version 1. Parameters use the `:name` syntax that
 * both fastify and msw understand; {@link apiPath} fills them in for a client.
 */
export const API_ROUTES = {
  sessions: '/v1/sessions',
  currentSession: '/v1/sessions/current',
  form: '/v1/form',
  formVersion: '/v1/form/:version',
  declarations: '/v1/declarations',
  code: '/v1/code',
  trustList: '/v1/trust-list',
  checkins: '/v1/checkins',
  reviews: '/v1/reviews',
  review: '/v1/reviews/:reviewId',
  orgs: '/v1/orgs',
  orgEmployees: '/v1/orgs/:orgId/employees',
  orgVenues: '/v1/orgs/:orgId/venues',
  orgDashboard: '/v1/orgs/:orgId/dashboard',
  operators: '/v1/operators',
  operator: '/v1/operators/:operatorId',
  authorityRuleSets: '/v1/authority/rule-sets',
  authorityBatches: '/v1/authority/batches',
  authorityStatuses: '/v1/authority/statuses',
  authorityStatus: '/v1/authority/statuses/:statusId',
  authorityAppeals: '/v1/authority/appeals',
  authorityAppeal: '/v1/authority/appeals/:appealId',
  authorityAudit: '/v1/authority/audit',
  appeals: '/v1/appeals',
  healthz: '/healthz',
  readyz: '/readyz',
} as const;

/** Name of one entry of {@link API_ROUTES}. */
export type ApiRouteName = keyof typeof API_ROUTES;

/** Header that makes `POST /v1/declarations` and `POST /v1/checkins` safe to retry. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * Builds a concrete path from a route template, encoding each parameter.
 *
 * @example apiPath(API_ROUTES.orgVenues, { orgId: 'org_1' }) // '/v1/orgs/org_1/venues'
 * @throws ApiError `api/missing_parameter` when a parameter the template names is missing (a programming error)
 */
export function apiPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new ApiError('api/missing_parameter', `apiPath: missing parameter "${name}" for ${template}`);
    return encodeURIComponent(value);
  });
}
