import { afterEach, describe, expect, it } from 'vitest';
import { API_ROUTES } from '@healthcode/core/api';
import { greenAnswers } from '@healthcode/test-utils';
import { startServer, tempDir } from './helpers.js';

describe('GET /metrics', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('counts answers by route template and status, and the codes issued, in Prometheus text', async () => {
    const { dir, cleanup } = tempDir();
    const { server, call, baseUrl, clock } = await startServer(dir);
    cleanups.push(cleanup, () => server.close());
    const token = (await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:metered' } })).body.sessionToken;
    await call('POST', API_ROUTES.declarations, { token, body: { formVersion: '1.1', answers: greenAnswers(3) } });
    clock.advance(600); // the code is due: the next fetch renews it
    await call('GET', API_ROUTES.code, { token });
    await call('GET', '/v1/orgs/org_nope/dashboard', { token: 'wrong' });

    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('healthcode_http_requests_total{method="POST",route="/v1/declarations",status="201"} 1');
    expect(text).toContain('healthcode_http_requests_total{method="GET",route="/v1/orgs/:orgId/dashboard",status="401"} 1');
    expect(text).toContain('healthcode_codes_issued_total{reason="declaration"} 1');
    expect(text).toContain('healthcode_codes_issued_total{reason="renewal"} 1');
    expect(text).toContain('healthcode_http_request_duration_seconds_count{method="GET",route="/v1/code"} 1');
    expect(text).toContain('process_cpu_seconds_total');
  });
});
