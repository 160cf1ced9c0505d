import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '@healthcode/core/api';
import { createKeyring, createKeyringState, createServiceEngine, type ServiceRequest, type ServiceStore } from '@healthcode/service';
import { createMemoryStore } from '@healthcode/service';
import { greenAnswers } from '@healthcode/test-utils';

async function setup() {
  let at = new Date('2026-11-27T02:00:00Z').getTime();
  const now = () => new Date(at);
  const store = createMemoryStore();
  const signed = { codes: 0 };
  const counting: ServiceStore = { ...store, renewCode: (code, previous) => (signed.codes++, store.renewCode(code, previous)) };
  const keyring = createKeyring(await createKeyringState(), {
    issuer: { id: 'i', name: 'Issuer', region: '310000' },
    codeTtlSeconds: 600,
    now,
  });
  const engine = createServiceEngine({ store: counting, keyring, operatorToken: 'op', codeTtlSeconds: 600, now });
  const route = (method: string, path: string) => {
    const found = engine.routes.find((r) => r.method === method && r.path === path);
    if (!found) throw new Error(`no route ${method} ${path}`);
    return (request: Partial<ServiceRequest>) => found.handle({ params: {}, query: {}, headers: {}, body: undefined, ...request });
  };
  const session = await route('POST', API_ROUTES.sessions)({ body: { host: 'wechat', authCode: 'dev:engine' } });
  const headers = { authorization: `Bearer ${(session.body as { sessionToken: string }).sessionToken}` };
  await route('POST', API_ROUTES.declarations)({ headers, body: { formVersion: '1.1', answers: greenAnswers(1) } });
  const getCode = () => route('GET', API_ROUTES.code)({ headers });
  return { getCode, signed, advance: (seconds: number) => (at += seconds * 1000) };
}

describe('service engine: GET /v1/code', () => {
  it('serves the cached code without signing again until refreshAfter', async () => {
    const { getCode, signed, advance } = await setup();
    const first = await getCode();
    for (let i = 0; i < 20; i++) expect(await getCode()).toEqual(first);
    advance(479);
    expect(await getCode()).toEqual(first);
    expect(signed.codes).toBe(0);
  });

  it('signs one fresh code however many requests arrive at refresh time', async () => {
    const { getCode, signed, advance } = await setup();
    const first = (await getCode()).body as { codeId: string };
    advance(481);
    const answers = await Promise.all(Array.from({ length: 25 }, getCode));
    const ids = new Set(answers.map((a) => (a.body as { codeId: string }).codeId));
    expect(ids.size).toBe(1);
    expect(ids.has(first.codeId)).toBe(false);
    expect(signed.codes).toBe(1);
  });
});
