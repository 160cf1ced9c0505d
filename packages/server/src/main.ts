/**
 * Command-line entry of the reference server:
 *
 *   tsx packages/server/src/main.ts --port 8080 --db healthcode.db --keys ./keys
 *   tsx packages/server/src/main.ts --db postgres://healthcode@db/healthcode --workers 4
 *
 * Each option can also come from the environment (HEALTHCODE_PORT, HEALTHCODE_HOST,
 * HEALTHCODE_DATABASE_URL or HEALTHCODE_DB, HEALTHCODE_KEYS_DIR, HEALTHCODE_WORKERS, HEALTHCODE_CODE_TTL_SECONDS,
 * HEALTHCODE_OPERATOR_TOKEN, HEALTHCODE_LOG_LEVEL); a flag wins over the environment.
 * SIGTERM and SIGINT shut down gracefully (every worker drains its requests).
 */
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { askPrimary, runWorkers } from './cluster.js';
import { loadOrCreateKeyringState, loadOrCreateOperatorToken } from './keys.js';
import { clusterMetrics, shareWithPrimary } from './metrics.js';
import { createServer } from './server.js';
import { isPostgresUrl } from './storage/open.js';

const USAGE = `usage: healthcode-server [--port N] [--host ADDR] [--db FILE|postgres://URL] [--keys DIR] [--workers N] [--code-ttl SECONDS] [--log-level LEVEL]`;

function config() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      keys: { type: 'string' },
      workers: { type: 'string' },
      'code-ttl': { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const env = process.env;
  const port = Number(values.port ?? env.HEALTHCODE_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid port: ${values.port ?? env.HEALTHCODE_PORT}`);
  const workers = Number(values.workers ?? env.HEALTHCODE_WORKERS ?? 1);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256)
    throw new Error(`invalid worker count: ${values.workers ?? env.HEALTHCODE_WORKERS}`);
  const ttl = values['code-ttl'] ?? env.HEALTHCODE_CODE_TTL_SECONDS;
  const codeTtlSeconds = ttl === undefined ? undefined : Number(ttl);
  if (codeTtlSeconds !== undefined && !(Number.isInteger(codeTtlSeconds) && codeTtlSeconds >= 1))
    throw new Error(`invalid code lifetime: ${ttl}`);
  const db = values.db ?? env.HEALTHCODE_DATABASE_URL ?? env.HEALTHCODE_DB ?? 'healthcode.db';
  // Processes over one SQLite file would each keep their own rate limits, code cache and trust list.
  if (workers > 1 && !isPostgresUrl(db)) throw new Error('--workers above 1 needs a PostgreSQL database (--db postgres://…)');
  return {
    help: values.help === true,
    port,
    host: values.host ?? env.HEALTHCODE_HOST ?? '127.0.0.1',
    db,
    keysDir: values.keys ?? env.HEALTHCODE_KEYS_DIR ?? 'keys',
    workers,
    codeTtlSeconds,
    logLevel: values['log-level'] ?? env.HEALTHCODE_LOG_LEVEL ?? 'info',
  };
}

async function serve(c: ReturnType<typeof config>, inCluster: boolean): Promise<void> {
  const server = await createServer({
    dbPath: c.db,
    keysDir: c.keysDir,
    codeTtlSeconds: c.codeTtlSeconds,
    operatorToken: process.env.HEALTHCODE_OPERATOR_TOKEN,
    log: { level: c.logLevel },
    ...(inCluster ? { metricsText: () => askPrimary('metrics') as Promise<string> } : {}),
  });
  if (inCluster) shareWithPrimary(server.metrics);
  const url = await server.listen(c.port, c.host);
  server.app.log.info({ url, rootKeyId: server.rootPublicKey.kid, pid: process.pid }, 'HealthCode server listening');

  const shutdown = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

async function main(): Promise<void> {
  const c = config();
  if (c.help) {
    console.log(USAGE);
    return;
  }
  if (c.workers === 1) return serve(c, false);
  if (cluster.isWorker) return serve(c, true);
  // The primary makes the key material once, before any worker could race to create it.
  await loadOrCreateKeyringState(c.keysDir);
  loadOrCreateOperatorToken(c.keysDir);
  const log = (message: string, fields: Record<string, unknown> = {}) =>
    console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, ...fields, msg: message }));
  log('starting workers', { workers: c.workers });
  runWorkers({
    count: c.workers,
    log,
    onRequest: async (kind) => (kind === 'metrics' ? clusterMetrics() : Promise.reject(new Error(`unknown request ${kind}`))),
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error(USAGE);
  process.exit(1);
});
