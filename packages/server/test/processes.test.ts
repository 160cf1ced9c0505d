import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_ROUTES, IDEMPOTENCY_KEY_HEADER } from '@healthcode/core/api';
import { caller, greenAnswers, postgresForTests } from '@healthcode/test-utils';
import { tempDir } from './helpers.js';
import { freshDatabase, startServerProcess, type ServerProcess } from './processes.js';

const postgres = postgresForTests();
const OPERATOR = 'operator-token-shared-by-both-processes';
/** Codes live 2 s (renewed after 1.6 s), so a renewal is due within the test. */
const CODE_TTL = 2;

describe.skipIf(postgres.skip !== undefined)('several server processes over one PostgreSQL', () => {
  let dir: string;
  let cleanup: () => void;
  const running: ServerProcess[] = [];
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop()));
    cleanup();
  });

  it('act as one service: sessions, idempotent answers, renewed codes, rate limits and the trust list are shared', async () => {
    const db = await freshDatabase(postgres.url ?? '');
    // Two machines, each with its own keys directory (the database's key material wins);
    // the first runs two workers on one port.
    const start = (name: string, args: string[] = []) =>
      startServerProcess(['--db', db, '--keys', join(dir, name), '--code-ttl', String(CODE_TTL), ...args], {
        HEALTHCODE_OPERATOR_TOKEN: OPERATOR,
      });
    const [a, b] = await Promise.all([start('keys-a', ['--workers', '2']), start('keys-b')]);
    running.push(a, b);
    const [onA, onB] = [a, b].map((p) => caller({ baseUrl: p.url, fetch: globalThis.fetch as never }));
    if (!onA || !onB) throw new Error('two callers');

    expect((await onA('GET', API_ROUTES.trustList)).body).toEqual((await onB('GET', API_ROUTES.trustList)).body);

    const token = (await onA('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:shared-user' } })).body.sessionToken;
    const declare = (on: typeof onA) =>
      on('POST', API_ROUTES.declarations, {
        token,
        headers: { [IDEMPOTENCY_KEY_HEADER]: 'declare-once' },
        body: { formVersion: '1.1', answers: greenAnswers(7) },
      });
    const first = await declare(onA);
    expect(first.status).toBe(201);
    expect(await declare(onB)).toEqual(first);

    // A code renewed by one process is the one every process serves, whichever renews first.
    await new Promise((resolve) => setTimeout(resolve, CODE_TTL * 1000));
    const renewed = await Promise.all([
      onA('GET', API_ROUTES.code, { token }),
      onB('GET', API_ROUTES.code, { token }),
      onA('GET', API_ROUTES.code, { token }),
    ]);
    const codeIds = new Set(renewed.map((r) => r.body.codeId));
    expect(codeIds.size).toBe(1);
    expect(codeIds.has(first.body.code.codeId)).toBe(false);
    for (const on of [onA, onB, onA]) expect((await on('GET', API_ROUTES.code, { token })).body.codeId).toBe(renewed[0]?.body.codeId);

    // Sign-ins are limited per user and minute across all processes together (30 by default).
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push(
        (await (i % 2 === 0 ? onA : onB)('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:limited-user' } })).status,
      );
    }
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses[30]).toBe(429);

    // Every worker serves, and every worker drains and exits on SIGTERM.
    expect((await fetch(`${a.url}/metrics`)).status).toBe(200);
    expect(await a.stop()).toBe(0);
    expect(a.output().match(/"HealthCode server listening"/g)).toHaveLength(2);
    expect(a.output().match(/"msg":"shutting down"/g)).toHaveLength(2);
  });
});
