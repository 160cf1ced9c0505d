import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '@healthcode/core/api';
import { serverForSuite } from './helpers.js';

describe('requests fastify refuses before the service sees them', () => {
  const env = serverForSuite();

  it('answers a body in an unparsed media type with unsupported_media_type', async () => {
    const answer = await env().call('POST', API_ROUTES.sessions, { raw: '<session/>', headers: { 'content-type': 'application/xml' } });
    expect(answer).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
  });

  it('answers broken JSON with bad_request without quoting the body back', async () => {
    const answer = await env().call('POST', API_ROUTES.sessions, { raw: '{"authCode": "11010119900307651X"' });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(JSON.stringify(answer.body)).not.toContain('11010119900307651X');
  });

  it('answers an empty JSON body with bad_request', async () => {
    const answer = await env().call('POST', API_ROUTES.sessions, { raw: '', headers: { 'content-type': 'application/json' } });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
  });
});
