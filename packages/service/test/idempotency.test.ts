import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '@healthcode/core/api';
import {
  createKeyring,
  createKeyringState,
  createServiceEngine,
  IDEMPOTENCY_IN_PROGRESS,
  type DeclarationCommit,
  type ServiceRequest,
  type ServiceStore,
} from '@healthcode/service';
import { createMemoryStore } from '@healthcode/service';
import { greenAnswers } from '@healthcode/test-utils';

/** An engine whose declaration commits wait until the test lets them through (or fail). */
async function setup() {
  const now = () => new Date('2026-11-27T02:00:00Z');
  const store = createMemoryStore();
  const gate = { hold: false, fail: false, waiting: [] as Array<() => void>, commits: 0 };
  const gated: ServiceStore = {
    ...store,
    async commitDeclaration(commit: DeclarationCommit) {
      if (gate.hold) await new Promise<void>((resolve) => gate.waiting.push(resolve));
      if (gate.fail) throw new Error('disk full');
      gate.commits++;
      return store.commitDeclaration(commit);
    },
  };
  const keyring = createKeyring(await createKeyringState(), {
    issuer: { id: 'i', name: 'Issuer', region: '310000' },
    codeTtlSeconds: 600,
    now,
  });
  const engine = createServiceEngine({ store: gated, keyring, operatorToken: 'op', codeTtlSeconds: 600, now, onError: () => undefined });
  const route = (method: string, path: string) => {
    const found = engine.routes.find((r) => r.method === method && r.path === path);
    if (!found) throw new Error(`no route ${method} ${path}`);
    return (request: Partial<ServiceRequest>) => found.handle({ params: {}, query: {}, headers: {}, body: undefined, ...request });
  };
  const session = await route('POST', API_ROUTES.sessions)({ body: { host: 'wechat', authCode: 'dev:idem' } });
  const authorization = `Bearer ${(session.body as { sessionToken: string }).sessionToken}`;
  const declare = (key: string) =>
    route(
      'POST',
      API_ROUTES.declarations,
    )({ headers: { authorization, 'idempotency-key': key }, body: { formVersion: '1.1', answers: greenAnswers(1) } });
  /** Resolves once a held commit is waiting at the gate. */
  const held = async () => {
    while (gate.waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  };
  return { declare, gate, held };
}

describe('service engine: Idempotency-Key under concurrency', () => {
  it('answers a duplicate that arrives while the first is in progress with a retryable unavailable, then replays', async () => {
    const { declare, gate, held } = await setup();
    gate.hold = true;
    const first = declare('k');
    await held();
    const duplicate = await declare('k');
    expect(duplicate.status).toBe(503);
    expect(duplicate.body).toMatchObject({ error: { code: 'unavailable', details: { reason: IDEMPOTENCY_IN_PROGRESS } } });
    expect((duplicate.body as { error: { message: string } }).error.message).toMatch(/in progress; retry later/);

    gate.waiting.splice(0).forEach((release) => release());
    const answer = await first;
    expect(answer.status).toBe(201);
    expect(await declare('k')).toEqual(answer);
    expect(gate.commits).toBe(1);
  });

  it('releases the key when the request fails, so a retry acts', async () => {
    const { declare, gate } = await setup();
    gate.fail = true;
    expect((await declare('k')).status).toBe(500);
    gate.fail = false;
    expect((await declare('k')).status).toBe(201);
    expect(gate.commits).toBe(1);
  });
});
