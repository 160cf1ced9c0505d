import { describe, expect, it } from 'vitest';
import { API_ROUTES, apiPath, canonicalJson } from '@healthcode/core';

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

describe('canonicalJson', () => {
  it('gives equal strings for equal values whatever their key order, and different ones otherwise', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
