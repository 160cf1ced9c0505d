import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ServerOptions } from '@healthcode/server';
import { afterAll, beforeAll } from 'vitest';
import { caller, manualClock } from '@healthcode/test-utils';

/** A temporary directory removed by the returned `cleanup`. */
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'healthcode-server-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A server on loopback over files in `dir`, with a manual clock and a JSON caller. */
export async function startServer(dir: string, options: Partial<ServerOptions> = {}) {
  const clock = manualClock(new Date('2026-11-27T02:00:00.000Z'));
  const server = await createServer({
    dbPath: join(dir, 'service.db'),
    keysDir: join(dir, 'keys'),
    now: clock.now,
    log: { level: 'silent' },
    ...options,
  });
  const baseUrl = await server.listen(0);
  return { server, clock, baseUrl, call: caller({ baseUrl, fetch: globalThis.fetch as never }) };
}

/**
 * One server for the enclosing describe block: started before its tests, closed (and its
 * files removed) after them. Returns a getter, since the server exists only once they run.
 */
export function serverForSuite(options: Partial<ServerOptions> = {}): () => Awaited<ReturnType<typeof startServer>> & { dir: string } {
  const { dir, cleanup } = tempDir();
  let env: (Awaited<ReturnType<typeof startServer>> & { dir: string }) | undefined;
  beforeAll(async () => void (env = { ...(await startServer(dir, options)), dir }));
  afterAll(async () => {
    await env?.server.close();
    cleanup();
  });
  return () => env!;
}
