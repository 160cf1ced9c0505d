import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian puts PostgreSQL 15's server binaries; `HEALTHCODE_PG_BIN` overrides it. */
export const DEFAULT_PG_BIN = '/usr/lib/postgresql/15/bin';

/** A throw-away PostgreSQL server in a temporary folder. */
export interface ThrowAwayPostgres {
  /** e.g. `postgres://healthcode@127.0.0.1:54321/postgres` (trust authentication, loopback only). */
  url: string;
  /** Stops the server and deletes its folder. */
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Why no throw-away PostgreSQL can start here, or `undefined` when one can. */
export function postgresUnavailable(bin = process.env.HEALTHCODE_PG_BIN ?? DEFAULT_PG_BIN): string | undefined {
  for (const tool of ['initdb', 'pg_ctl']) {
    if (!existsSync(join(bin, tool))) return `no PostgreSQL binaries in ${bin} (install postgresql-15 or set HEALTHCODE_PG_BIN)`;
  }
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root and there is no postgres user to run initdb as';
  return undefined;
}

/**
 * Starts PostgreSQL in a new temporary folder: `initdb` (as the `postgres` user when
 * running as root, which initdb refuses), then `pg_ctl start` on a free loopback port with
 * its unix socket inside the folder. Durability is off (fsync, synchronous_commit): the
 * data dies with the folder anyway.
 */
export async function startThrowAwayPostgres(bin = process.env.HEALTHCODE_PG_BIN ?? DEFAULT_PG_BIN): Promise<ThrowAwayPostgres> {
  const why = postgresUnavailable(bin);
  if (why) throw new Error(why);
  const dir = mkdtempSync(join(tmpdir(), 'healthcode-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const result = spawnSync(command, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  const data = join(dir, 'data');
  try {
    run('initdb', ['-D', data, '-U', 'healthcode', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ];
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', settings.join(' '), 'start']);
    let stopped = false;
    return {
      url: `postgres://healthcode@127.0.0.1:${port}/postgres`,
      stop() {
        if (stopped) return;
        stopped = true;
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
