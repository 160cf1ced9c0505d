import { readFileSync } from 'node:fs';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  ApiError,
  createKeyring,
  createServiceEngine,
  DEFAULT_CODE_TTL_SECONDS,
  DEFAULT_RETENTION,
  errorResponse,
  type Alg,
  type CryptoProvider,
  type IdentityVerifier,
  type IssuerInfo,
  type Keyring,
  type PublicJwk,
  type PurgeReport,
  type RetentionPolicy,
  type RuleSet,
  type ServiceRequest,
} from '@healthcode/core';
import { loadOrCreateKeyringState, loadOrCreateOperatorToken, saveKeyringState } from './keys.js';
import { loggerOptions, type LogOptions } from './logging.js';
import { openSqliteStorage } from './storage/sqlite.js';
import type { Storage } from './storage/storage.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** SQLite database file (created when absent); `:memory:` for a throw-away one. Ignored when `storage` is given. */
  dbPath?: string;
  /** Any other {@link Storage}, e.g. a PostgreSQL one. */
  storage?: Storage;
  /** Directory of the key material, created with fresh keys on first start. */
  keysDir: string;
  /** Operator bearer token; default: read from (or created in) `keysDir/operator.token`. */
  operatorToken?: string;
  /** Who the server issues codes as. Default: a development issuer for Shanghai (`310000`). */
  issuer?: IssuerInfo;
  /** Checks host auth codes. Default: the development verifier (`dev:<userId>`), never for production. */
  identity?: IdentityVerifier;
  rules?: RuleSet;
  /** Algorithm of generated keys; default ES256. */
  alg?: Alg;
  codeTtlSeconds?: number;
  /** Fraction of a code's lifetime after which `GET /v1/code` issues a fresh one; default 0.8. */
  refreshRatio?: number;
  sessionTtlSeconds?: number;
  /** Per user and minute; defaults 30 declarations and 30 sign-ins. */
  rateLimits?: { declarationsPerMinute?: number; sessionsPerMinute?: number };
  /** Largest accepted request body in bytes; default 64 KiB. */
  bodyLimit?: number;
  log?: LogOptions;
  /** When to purge expired sessions and old idempotency records; see {@link HousekeepingOptions}. */
  housekeeping?: HousekeepingOptions;
  now?: () => Date;
  crypto?: CryptoProvider;
}

/** How the server purges what it no longer needs (`ServiceStore.purgeExpired`). */
export interface HousekeepingOptions {
  /** Pause between purges in milliseconds; default 10 minutes; 0 disables the timer (call `purgeExpired` yourself). */
  intervalMs?: number;
  /** Default `DEFAULT_RETENTION`: answers kept a day, abandoned claims five minutes. */
  retention?: Partial<RetentionPolicy>;
}

/** A running (or ready to run) reference server. */
export interface HealthCodeServer {
  /** The fastify instance, e.g. for `app.inject()` in tests. */
  readonly app: FastifyInstance;
  readonly keyring: Keyring;
  /** The key clients verify the trust list with. */
  readonly rootPublicKey: PublicJwk;
  readonly operatorToken: string;
  /** Listens on `host` (default 127.0.0.1) and `port` (0 = any free port); resolves to the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** New issuer signing key; the old one stays trusted until its codes have expired. */
  rotateIssuerKey(): Promise<PublicJwk>;
  /** Purges expired sessions and old idempotency records now, as the housekeeping timer does. */
  purgeExpired(): Promise<PurgeReport>;
  /** Stops accepting connections and the housekeeping timer, finishes in-flight requests, closes the database. */
  close(): Promise<void>;
}

/** The documented error for a request fastify refused; anything else stays unexpected. */
function fastifyErrorAsApiError(error: FastifyError): unknown {
  const status = error.statusCode ?? 500;
  if (status === 413) return new ApiError('payload_too_large', 'request body too large');
  if (status === 415) return new ApiError('unsupported_media_type', 'send JSON (Content-Type: application/json)');
  // fastify's message may quote the body: answer with its stable code instead.
  if (status >= 400 && status < 500) return new ApiError('bad_request', `malformed request (${error.code ?? 'invalid body'})`);
  return error;
}

const DEV_ISSUER: IssuerInfo = { id: 'dev-issuer', name: 'HealthCode development issuer', region: '310000' };
const pages = new Map<string, string>();
/** A file of the package's static/ folder (beside src/ and dist/), read once. */
function staticFile(name: string): string {
  let page = pages.get(name);
  if (page === undefined) {
    page = readFileSync(new URL(`../static/${name}`, import.meta.url), 'utf8');
    pages.set(name, page);
  }
  return page;
}

/**
 * Runs `purge` every `intervalMs` (never when 0) on a timer that does not keep the
 * process alive; a purge still running when the next is due is not doubled.
 */
function startHousekeeping(intervalMs: number, purge: () => Promise<void>, onError: (error: unknown) => void): { stop(): void } {
  if (intervalMs === 0) return { stop() {} };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    purge()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * The reference HealthCode service: the service engine's `/v1` routes on fastify,
 * state in SQLite (or any {@link Storage}), keys in `keysDir`, plus `/dashboard`.
 *
 * @example
 * const server = await createServer({ dbPath: 'healthcode.db', keysDir: 'keys' });
 * const url = await server.listen(8080);
 */
export async function createServer(options: ServerOptions): Promise<HealthCodeServer> {
  const purgeIntervalMs = options.housekeeping?.intervalMs ?? 600_000;
  if (!Number.isFinite(purgeIntervalMs) || purgeIntervalMs < 0) {
    throw new RangeError(`housekeeping.intervalMs must be a number >= 0, got ${purgeIntervalMs}`);
  }
  const codeTtlSeconds = options.codeTtlSeconds ?? DEFAULT_CODE_TTL_SECONDS;
  const state = await loadOrCreateKeyringState(options.keysDir, { alg: options.alg, crypto: options.crypto });
  const keyring = createKeyring(state, {
    issuer: options.issuer ?? DEV_ISSUER,
    codeTtlSeconds,
    alg: options.alg,
    crypto: options.crypto,
    now: options.now,
    onChange: (next) => saveKeyringState(options.keysDir, next),
  });
  const storage = options.storage ?? openSqliteStorage({ path: options.dbPath ?? ':memory:' });
  const operatorToken = options.operatorToken ?? loadOrCreateOperatorToken(options.keysDir);
  const app = Fastify({
    logger: loggerOptions(options.log ?? {}),
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    return503OnClosing: true,
  });
  const engine = createServiceEngine({
    store: storage,
    keyring,
    operatorToken,
    identity: options.identity,
    rules: options.rules,
    codeTtlSeconds,
    refreshRatio: options.refreshRatio,
    sessionTtlSeconds: options.sessionTtlSeconds,
    rateLimits: options.rateLimits,
    now: options.now,
    crypto: options.crypto,
    onError: (err) => app.log.error({ err }, 'unexpected error'),
  });

  for (const route of engine.routes) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const input: ServiceRequest = {
          params: request.params as Record<string, string>,
          query: request.query as Record<string, string | undefined>,
          headers: request.headers as Record<string, string | undefined>,
          body: request.body,
        };
        const response = await route.handle(input);
        return reply.code(response.status).send(response.body);
      },
    });
  }
  app.get('/dashboard', (_, reply) => reply.type('text/html; charset=utf-8').send(staticFile('dashboard.html')));
  app.get('/dashboard.js', (_, reply) => reply.type('text/javascript; charset=utf-8').send(staticFile('dashboard.js')));

  // Errors fastify raises before a handler runs (bad JSON, body too large, wrong media type).
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const response = errorResponse(fastifyErrorAsApiError(error), (err) => app.log.error({ err }, 'unexpected error'));
    return reply.code(response.status).send(response.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const response = errorResponse(new ApiError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
    return reply.code(response.status).send(response.body);
  });

  const retention: RetentionPolicy = { ...DEFAULT_RETENTION, ...options.housekeeping?.retention };
  const purgeExpired = () => storage.purgeExpired((options.now?.() ?? new Date()).getTime(), retention);
  const housekeeping = startHousekeeping(
    purgeIntervalMs,
    async () => {
      const purged = await purgeExpired();
      if (purged.sessions + purged.idempotency > 0) app.log.info({ purged }, 'housekeeping purged expired records');
    },
    (err) => app.log.error({ err }, 'housekeeping purge failed'),
  );

  let closing: Promise<void> | undefined;
  return {
    app,
    keyring,
    rootPublicKey: keyring.rootPublicKey,
    operatorToken,
    async listen(port, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      return `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
    },
    rotateIssuerKey: () => keyring.rotate(),
    purgeExpired,
    close() {
      housekeeping.stop();
      closing ??= app.close().then(() => storage.close());
      return closing;
    },
  };
}
