import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, dashboardLink, type HealthCodeServer } from '@healthcode/server';
import type { PlaygroundConfig } from '../browser/config.js';
import { buildBundles } from './bundle.js';
import { type DemoSetup, ensureDemoSetup } from './demo-setup.js';

/** Options of {@link startPlayground}. */
export interface PlaygroundOptions {
  /** Holds the SQLite file, the keys and the demo organisation; created when absent. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Server log level (pino); default `warn`, so the terminal stays readable. */
  logLevel?: string;
  /** Trust the checkpoint page uses for foreign certificates; default none, so they are refused (`no_trust`). */
  foreignTrust?: PlaygroundConfig['foreignTrust'];
}

/** A running playground. */
export interface Playground {
  url: string;
  demo: DemoSetup;
  /** The organisation dashboard; it asks for the organisation id and admin token. */
  dashboardUrl: string;
  /**
   * The dashboard of the demo organisation in one click: the admin token rides in the
   * URL fragment. For the terminal only; the pages' config never carries the token.
   */
  demoDashboardLink: string;
  server: HealthCodeServer;
  close(): Promise<void>;
}

/** The development identity verifier takes `dev:<userId>` (see the server's `devIdentityVerifier`). */
const DEMO_USER_AUTH_CODE = 'dev:demo-user';
const CHECKPOINT_AUTH_CODE = 'dev:checkpoint-operator';

const publicDir = new URL('../../public/', import.meta.url);
const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/checkpoint.html': { file: 'checkpoint.html', type: 'text/html; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/**
 * Starts the reference server with the playground pages mounted next to its API:
 * builds the page scripts, opens (or creates) the database and keys under `dataDir`,
 * and sets up the demo organisation on first start.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  mkdirSync(options.dataDir, { recursive: true });
  const bundles = await buildBundles();
  const server = await createServer({
    dbPath: join(options.dataDir, 'healthcode.sqlite'),
    keysDir: join(options.dataDir, 'keys'),
    log: { level: options.logLevel ?? 'warn' },
  });
  let config: PlaygroundConfig | undefined;

  for (const [path, { file, type }] of Object.entries(STATIC_FILES)) {
    const body = readFileSync(new URL(file, publicDir), 'utf8');
    server.app.get(path, (_, reply) => reply.type(type).send(body));
  }
  server.app.get<{ Params: { name: string } }>('/assets/:name', (request, reply) => {
    const script = bundles.get(request.params.name);
    if (script === undefined) return reply.code(404).type('text/plain').send('not found');
    return reply.type(request.params.name.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8').send(script);
  });
  server.app.get('/playground/config.json', (_, reply) => (config ? reply.send(config) : reply.code(503).send({ error: { code: 'unavailable', message: 'starting' } })));

  let url: string;
  try {
    url = await server.listen(options.port, options.host ?? '127.0.0.1');
  } catch (error) {
    await server.close();
    throw error;
  }
  const demo = await ensureDemoSetup({ dataDir: options.dataDir, baseUrl: url, operatorToken: server.operatorToken });
  const dashboardUrl = `${url}/dashboard`;
  config = {
    trustRoot: server.rootPublicKey,
    authCode: DEMO_USER_AUTH_CODE,
    checkpointAuthCode: CHECKPOINT_AUTH_CODE,
    venues: demo.venues,
    dashboardUrl,
    employeeDocument: demo.employeeDocument,
    foreignTrust: options.foreignTrust ?? {},
  };
  const demoDashboardLink = dashboardLink(url, demo);
  return { url, demo, dashboardUrl, demoDashboardLink, server, close: () => server.close() };
}
