import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_ROUTES } from '@healthcode/core/api';
import { greenAnswers, residentId } from '@healthcode/test-utils';
import { startServer, tempDir } from './helpers.js';

describe('server logs', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('log requests as JSON lines without names, document numbers, tokens or auth headers', async () => {
    const lines: string[] = [];
    const { server, call } = await startServer(dir, { log: { level: 'info', stream: { write: (line) => void lines.push(line) } } });
    const passport = { number: 'E98765432', nationality: 'FRA', name: 'DUPONT JEANNE' };
    const pending = await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:logged-1', passport } });
    const session = await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:logged-2' } });
    const token: string = session.body.sessionToken;
    await call('POST', API_ROUTES.declarations, { token, body: { formVersion: '1.1', answers: greenAnswers(77, '李四') } });
    await call('POST', API_ROUTES.declarations, { token, body: { formVersion: '1.1', answers: { ...greenAnswers(77, '李四'), phone: 'bad' } } });
    await call('POST', API_ROUTES.sessions, { raw: `{"authCode": "${residentId(77)}"` });
    await server.close();

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(log).toContain('request completed');
    expect(log).toContain('[redacted]');
    for (const secret of ['李四', residentId(77), 'E98765432', 'DUPONT', token, pending.body.sessionToken, 'Bearer']) {
      expect(log).not.toContain(secret);
    }
  });

  it('logs an unexpected failure and answers it with a bare internal error', async () => {
    const lines: string[] = [];
    const { server, call } = await startServer(dir, { log: { level: 'info', stream: { write: (line) => void lines.push(line) } } });
    const session = await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:broken' } });
    // The database breaks underneath the server (another process drops a table).
    const db = new Database(join(dir, 'service.db'));
    db.exec('DROP TABLE codes');
    db.close();
    const answer = await call('GET', API_ROUTES.code, { token: session.body.sessionToken });
    await server.close();
    expect(answer).toEqual({ status: 500, body: { error: { code: 'internal', message: 'internal error', requestId: expect.stringMatching(/^req_/) } } });
    expect(lines.some((l) => JSON.parse(l).level === 50 && l.includes('unexpected error'))).toBe(true);
  });
});
