import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ServerOptions } from '@healthcode/server';
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
