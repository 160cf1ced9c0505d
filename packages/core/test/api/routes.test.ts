import { describe, expect, it } from 'vitest';
import { API_ROUTES, apiPath } from '@healthcode/core/api';

describe('apiPath', () => {
  it('fills and encodes each parameter of a route', () => {
    expect(apiPath(API_ROUTES.orgDashboard, { orgId: 'org_1' })).toBe('/v1/orgs/org_1/dashboard');
    expect(apiPath(API_ROUTES.formVersion, { version: '1.0/../x' })).toBe('/v1/form/1.0%2F..%2Fx');
    expect(apiPath(API_ROUTES.code)).toBe('/v1/code');
  });

  it('throws when a parameter is missing', () => {
    expect(() => apiPath(API_ROUTES.review, {})).toThrow(/reviewId/);
  });

  it('versions every service route under /v1', () => {
    const service = Object.entries(API_ROUTES).filter(([name]) => name !== 'healthz' && name !== 'readyz');
    for (const [, path] of service) expect(path.startsWith('/v1/')).toBe(true);
  });
});
