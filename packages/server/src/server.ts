import Fastify, { type FastifyInstance } from 'fastify';
import { ApiError } from '@healthcode/core/api';
import type { PublicJwk } from '@healthcode/core/code';
import {
  createService,
  DEFAULT_RETENTION,
  SERVICE_DEFAULTS,
  errorResponse,
  withRequestId,
  type Keyring,
  type PurgeReport,
  type RetentionPolicy,
  type ServiceOptions,
} from '@healthcode/service';
import { ServerConfigError } from './errors.js';
import { startHousekeeping } from './housekeeping.js';
import { loadOrCreateKeyringState, loadOrCreateOperatorToken, saveKeyringState } from './keys.js';
import { loggerOptions, type LogOptions } from './logging.js';
import { healthCodePlugin } from './plugin.js';
import { refusalOptions } from './refusals.js';
import { openSqliteStorage } from './storage/sqlite.js';
import type { Storage } from './storage/storage.js';

/** Options of {@link createServer}: the service's options (store and keys made here) and the server's own. */
export interface ServerOptions extends Omit<ServiceOptions, 'store' | 'keys' | 'operatorToken' | 'onKeysChange' | 'onError'> {
  /** SQLite database file (created when absent); `:memory:` for a throw-away one. Ignored when `storage` is given. */
  dbPath?: string;
  /** Any other {@link Storage}, e.g. a PostgreSQL one. */
  storage?: Storage;
  /** Directory of the key material, created with fresh keys on first start. */
  keysDir: string;
  /** Operator bearer token; default: read from (or created in) `keysDir/operator.token`. */
  operatorToken?: string;
  log?: LogOptions;
  /** When to purge expired sessions and old idempotency records; see {@link HousekeepingOptions}. */
  housekeeping?: HousekeepingOptions;
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
    throw new ServerConfigError('server/invalid_options', `housekeeping.intervalMs must be a number >= 0, got ${purgeIntervalMs}`);
  }
  const keys = await loadOrCreateKeyringState(options.keysDir, { alg: options.alg, crypto: options.crypto });
  const storage = options.storage ?? openSqliteStorage({ path: options.dbPath ?? ':memory:' });
  const operatorToken = options.operatorToken ?? loadOrCreateOperatorToken(options.keysDir);
  const bodyLimit = options.bodyLimit ?? SERVICE_DEFAULTS.bodyLimit;
  const app = Fastify({ logger: loggerOptions(options.log ?? {}), bodyLimit, return503OnClosing: true, ...refusalOptions });
  const service = createService({
    ...options,
    store: storage,
    authority: storage.authority,
    keys,
    operatorToken,
    bodyLimit,
    onKeysChange: (next) => saveKeyringState(options.keysDir, next),
    onError: (err) => app.log.error({ err }, 'unexpected error'),
  });
  const { keyring } = service;
  await app.register(healthCodePlugin, { service });
  app.setNotFoundHandler((request, reply) => {
    const response = withRequestId(
      errorResponse(new ApiError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)),
      request.id,
    );
    return reply
      .code(response.status)
      .headers(response.headers ?? {})
      .send(response.body);
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
