import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
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
import { createMetrics, METRICS_CONTENT_TYPE } from './metrics.js';
import { healthCodePlugin } from './plugin.js';
import { refusalOptions } from './refusals.js';
import { openStorage } from './storage/open.js';
import type { Storage } from './storage/storage.js';

/** Options of {@link createServer}: the service's options (store and keys made here) and the server's own. */
export interface ServerOptions extends Omit<ServiceOptions, 'store' | 'keys' | 'operatorToken' | 'onKeysChange' | 'onError'> {
  /**
   * SQLite database file (created when absent), `:memory:` for a throw-away one, or a
   * `postgres://` URL. Ignored when `storage` is given.
   */
  dbPath?: string;
  /** Any other {@link Storage}, e.g. one from `openPostgresStorage`. */
  storage?: Storage;
  /** How often a process sharing its store adopts key changes made by others; default 5 s. */
  keySyncIntervalMs?: number;
  /**
   * What `GET /metrics` serves; default this process's metrics. A worker of `--workers N`
   * serves every worker's, gathered by the primary.
   */
  metricsText?: (own: () => Promise<string>) => Promise<string>;
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
  /** This process's Prometheus registry (served at `/metrics`). */
  readonly metrics: Registry;
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
  const fileKeys = await loadOrCreateKeyringState(options.keysDir, { alg: options.alg, crypto: options.crypto });
  const metrics = createMetrics();
  const storage = metrics.instrument(options.storage ?? (await openStorage(options.dbPath ?? ':memory:')));
  // A shared store's keys win over the directory's: the first process to start puts its own there.
  const shared = storage.keyring;
  const keys = shared ? (await shared.update(async (latest) => latest ?? { state: fileKeys })).state : fileKeys;
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
    onAnswer: metrics.observeAnswer,
    ...(shared ? { sharedKeys: shared, sharedStore: true } : {}),
  });
  const { keyring } = service;
  await keyring.sync();
  const keySync = shared
    ? startHousekeeping(
        options.keySyncIntervalMs ?? 5_000,
        () => keyring.sync(),
        (err) => app.log.error({ err }, 'key sync failed'),
      )
    : undefined;
  await app.register(healthCodePlugin, { service });
  app.addHook('onRequest', async () => metrics.inFlight.inc());
  app.addHook('onResponse', async () => metrics.inFlight.dec());
  const ownMetrics = () => metrics.registry.metrics();
  app.get('/metrics', async (_, reply) => reply.type(METRICS_CONTENT_TYPE).send(await (options.metricsText?.(ownMetrics) ?? ownMetrics())));
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
      if (Object.values(purged).some((n) => n > 0)) app.log.info({ purged }, 'housekeeping purged expired records');
    },
    (err) => app.log.error({ err }, 'housekeeping purge failed'),
  );

  let closing: Promise<void> | undefined;
  return {
    app,
    metrics: metrics.registry,
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
      keySync?.stop();
      closing ??= app.close().then(() => storage.close());
      return closing;
    },
  };
}
