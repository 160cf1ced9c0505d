import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_ROUTES } from '@healthcode/core/api';
import { openSqliteStorage, type Storage } from '@healthcode/server';
import { join } from 'node:path';
import { startServer, tempDir } from './helpers.js';

describe('housekeeping of the reference server', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A server over a SQLite file the test can also read, with sessions of one hour. */
  async function start(intervalMs: number) {
    const { dir, cleanup } = tempDir();
    const storage: Storage = openSqliteStorage({ path: join(dir, 'service.db') });
    const env = await startServer(dir, { storage, sessionTtlSeconds: 3600, housekeeping: { intervalMs } });
    cleanups.push(cleanup, () => env.server.close());
    const signIn = async (user: string): Promise<string> =>
      (await env.call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: `dev:${user}` } })).body.sessionToken;
    const session = (token: string) => env.call('GET', API_ROUTES.currentSession, { token });
    return { ...env, storage, signIn, session };
  }

  it('purges an expired session, which stops working, and keeps a fresh one', async () => {
    const { clock, server, storage, signIn, session } = await start(0);
    const old = await signIn('early');
    clock.advance(1800);
    const fresh = await signIn('late');
    clock.advance(1800);

    expect((await session(old)).status).toBe(401);
    expect(await server.purgeExpired()).toEqual({ sessions: 1, idempotency: 0, declarations: 0, codes: 0, checkins: 0 });
    expect(await storage.findSession(old)).toBeUndefined();
    expect((await session(fresh)).status).toBe(200);
    expect(await storage.findSession(fresh)).toBeDefined();
  });

  it('purges on its own timer', async () => {
    const { clock, storage, signIn } = await start(10);
    const old = await signIn('timed');
    clock.advance(3600);
    await vi.waitFor(async () => expect(await storage.findSession(old)).toBeUndefined());
  });

  it('refuses an interval that is not a number of milliseconds', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    await expect(startServer(dir, { housekeeping: { intervalMs: Number.NaN } })).rejects.toThrow(/intervalMs/);
  });
});
