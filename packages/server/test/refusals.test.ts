import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '@healthcode/core/api';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { greenAnswers, residentId } from '@healthcode/test-utils';
import { serverForSuite } from './helpers.js';

/** Sends `raw` bytes on a fresh connection and resolves to the whole answer as text. */
function rawExchange(url: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(raw));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

function errorOf(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], head: head.toLowerCase(), body: apiErrorBodySchema.parse(JSON.parse(body)) };
}

describe('refusals below the service answer the documented error shape with a request id', () => {
  const env = serverForSuite();

  it('answers bad percent-encoding in the path with bad_request', async () => {
    const answer = errorOf(await rawExchange(env().baseUrl, 'GET /v1/form/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expect(answer.statusLine).toMatch(/ 400 /);
    expect(answer.body.error).toMatchObject({ code: 'bad_request', requestId: expect.stringMatching(/^req_/) });
  });

  it('answers an over-long path segment in the service shape, not with a framework page', async () => {
    const answer = errorOf(
      await rawExchange(env().baseUrl, `GET /v1/form/${'v'.repeat(5000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
    );
    expect(answer.body.error.code).toBe('not_found');
    expect(answer.head).toContain('x-request-id: req_');
  });

  it('answers headers over the limit with headers_too_large (431) on the socket', async () => {
    const answer = errorOf(await rawExchange(env().baseUrl, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`));
    expect(answer.statusLine).toMatch(/ 431 /);
    expect(answer.body.error).toMatchObject({ code: 'headers_too_large', requestId: expect.stringMatching(/^req_/) });
  });

  it('answers a malformed request line with bad_request', async () => {
    const answer = errorOf(await rawExchange(env().baseUrl, 'GET\u0000 / HTTP/1.1\r\n\r\n'));
    expect(answer.body.error.code).toBe('bad_request');
  });

  it('sends X-Request-Id on successful answers too', async () => {
    const id = await new Promise<string | undefined>((resolve, reject) => {
      httpRequest(`${env().baseUrl}/healthz`, (res) => {
        res.resume();
        resolve(res.headers['x-request-id'] as string | undefined);
      })
        .on('error', reject)
        .end();
    });
    expect(id).toMatch(/^req_[0-9a-f]{24}$/);
  });

  it('keeps no request body in the idempotency table, only a keyed hash of it', async () => {
    const session = await env().call('POST', '/v1/sessions', { body: { host: 'wechat', authCode: 'dev:stored' } });
    const answers = greenAnswers(11, '李四');
    await env().call('POST', '/v1/declarations', {
      token: session.body.sessionToken,
      headers: { 'Idempotency-Key': 'k1' },
      body: { formVersion: '1.1', answers },
    });
    const db = new Database(join(env().dir, 'service.db'), { readonly: true });
    const rows = db.prepare('SELECT fingerprint, body FROM idempotency').all() as Array<{ fingerprint: string; body: string }>;
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(row.fingerprint + row.body).not.toContain('李四');
      expect(row.fingerprint + row.body).not.toContain(residentId(11));
    }
  });
});
