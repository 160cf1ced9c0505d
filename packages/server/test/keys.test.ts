import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_ROUTES } from '@healthcode/core/api';
import { DEFAULT_CODE_TTL_SECONDS } from '@healthcode/core/code';
import { verifyCode, verifyTrustList, type PublicJwk } from '@healthcode/core';
import { KEY_FILES } from '@healthcode/server';
import { greenAnswers } from '@healthcode/test-utils';
import { startServer, tempDir } from './helpers.js';

type Call = Awaited<ReturnType<typeof startServer>>['call'];

async function trustedKids(call: Call, root: PublicJwk, now: Date) {
  const trust = await verifyTrustList((await call('GET', API_ROUTES.trustList)).body.signed, root, { now });
  return { trust, kids: trust.issuers.flatMap((i) => i.keys.map((k) => k.jwk.kid)) };
}

describe('keys and persistence', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('creates keys on first start, keeps secrets owner-only, and reuses them after a restart', async () => {
    const first = await startServer(dir);
    const session = await first.call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:keeper' } });
    const token: string = session.body.sessionToken;
    const declared = await first.call('POST', API_ROUTES.declarations, { token, body: { formVersion: '1.1', answers: greenAnswers(60) } });
    const root = first.server.rootPublicKey;
    await first.server.close();

    expect(statSync(join(dir, 'keys', KEY_FILES.keyring)).mode & 0o077).toBe(0);
    expect(statSync(join(dir, 'keys', KEY_FILES.operatorToken)).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'keys', KEY_FILES.rootPublic), 'utf8'))).toEqual(root);
    expect(readFileSync(join(dir, 'keys', KEY_FILES.rootPublic), 'utf8')).not.toContain('"d"');

    const second = await startServer(dir);
    expect(second.server.rootPublicKey).toEqual(root);
    expect(second.server.operatorToken).toBe(first.server.operatorToken);
    const code = await second.call('GET', API_ROUTES.code, { token });
    expect(code.status).toBe(200);
    expect(code.body.codeId).toBe(declared.body.code.codeId);
    await second.server.close();
  });

  it('keeps the database in WAL mode and never stores session tokens in clear', async () => {
    const { server, call } = await startServer(dir);
    const session = await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:wal' } });
    await server.close();
    const db = new Database(join(dir, 'service.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const stored = db.prepare('SELECT token_hash FROM sessions').pluck().all() as string[];
    db.close();
    expect(stored).toHaveLength(1);
    expect(stored).not.toContain(session.body.sessionToken);
  });

  it('rotates the issuer key: new codes use the new key, old codes verify until they expire', async () => {
    const { server, call, clock } = await startServer(dir);
    const root = server.rootPublicKey;
    const session = await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:rotor' } });
    const token: string = session.body.sessionToken;
    const before = await call('POST', API_ROUTES.declarations, { token, body: { formVersion: '1.1', answers: greenAnswers(61) } });
    const oldKid = (await trustedKids(call, root, clock.now())).kids;
    expect(oldKid).toHaveLength(1);

    const next = await server.rotateIssuerKey();
    const afterRotation = await trustedKids(call, root, clock.now());
    expect(afterRotation.kids).toEqual([...oldKid, next.kid]);
    expect(await verifyCode(before.body.code.qrText, { trust: afterRotation.trust, now: clock.now() })).toMatchObject({ valid: true });

    const after = await call('POST', API_ROUTES.declarations, { token, body: { formVersion: '1.1', answers: greenAnswers(61) } });
    expect(await verifyCode(after.body.code.qrText, { trust: afterRotation.trust, now: clock.now() })).toMatchObject({
      valid: true,
      keyId: next.kid,
    });

    clock.advance(DEFAULT_CODE_TTL_SECONDS + 600);
    expect((await trustedKids(call, root, clock.now())).kids).toEqual([next.kid]);
    await server.close();
  });
});
