/**
 * Command-line entry of the reference server:
 *
 *   tsx packages/server/src/main.ts --port 8080 --db healthcode.db --keys ./keys
 *
 * Each option can also come from the environment (HEALTHCODE_PORT, HEALTHCODE_HOST,
 * HEALTHCODE_DB, HEALTHCODE_KEYS_DIR, HEALTHCODE_OPERATOR_TOKEN, HEALTHCODE_LOG_LEVEL);
 * a flag wins over the environment. SIGTERM and SIGINT shut down gracefully.
 */
import { parseArgs } from 'node:util';
import { createServer } from './server.js';

const USAGE = `usage: healthcode-server [--port N] [--host ADDR] [--db FILE] [--keys DIR] [--log-level LEVEL]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      keys: { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = process.env;
  const port = Number(values.port ?? env.HEALTHCODE_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid port: ${values.port ?? env.HEALTHCODE_PORT}`);
  const server = await createServer({
    dbPath: values.db ?? env.HEALTHCODE_DB ?? 'healthcode.db',
    keysDir: values.keys ?? env.HEALTHCODE_KEYS_DIR ?? 'keys',
    operatorToken: env.HEALTHCODE_OPERATOR_TOKEN,
    log: { level: values['log-level'] ?? env.HEALTHCODE_LOG_LEVEL ?? 'info' },
  });
  const url = await server.listen(port, values.host ?? env.HEALTHCODE_HOST ?? '127.0.0.1');
  server.app.log.info({ url, rootKeyId: server.rootPublicKey.kid }, 'HealthCode server listening');

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

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error(USAGE);
  process.exit(1);
});
