import { ApiError, API_ROUTES } from '@healthcode/core/api';
import { createCodeIssuer } from './keys/code-issuer.js';
import { codeRoutes } from './routes/code-routes.js';
import type { ServiceContext } from './context.js';
import { declarationRoutes } from './routes/declaration-routes.js';
import { ok, type ServiceRequest, type ServiceRoute } from './http.js';
import { errorResponse } from './errors.js';
import { devIdentityVerifier } from './identity.js';
import type { Keyring } from './keys/keyring.js';
import { orgRoutes } from './routes/org-routes.js';
import { createRateLimiter } from './rate-limit.js';
import { sessionRoutes } from './routes/session-routes.js';
import { SERVICE_DEFAULTS, type ServiceOptions } from './options.js';
import { createColour } from './authority/colour.js';
import { createMemoryAuthorityStore } from './authority/memory-store.js';
import { authorityRoutes } from './authority/routes.js';

/** How long a process sharing its store trusts what it cached of the authority's state. */
const SHARED_CACHE_MS = 5_000;

/** Options of {@link createServiceEngine}: the service's options, with the keyring already made from its keys. */
export type ServiceEngineOptions = Omit<
  ServiceOptions,
  'keys' | 'issuer' | 'alg' | 'bodyLimit' | 'onKeysChange' | 'sharedKeys' | 'onAnswer'
> & { keyring: Keyring };

/** The transport-free service: its routes, each answering a request with a response. */
export interface ServiceEngine {
  readonly routes: readonly ServiceRoute[];
}

/**
 * The HealthCode service's logic, independent of HTTP framework and database: the
 * reference server mounts its routes on fastify over SQLite, the mock handlers on msw
 * over memory. Each route validates its input, checks auth and never rejects.
 */
export function createServiceEngine(options: ServiceEngineOptions): ServiceEngine {
  const now = options.now ?? (() => new Date());
  const codeTtlSeconds = options.codeTtlSeconds ?? SERVICE_DEFAULTS.codeTtlSeconds;
  const shared = options.store.countInWindow?.bind(options.store);
  const authority = options.authority ?? createMemoryAuthorityStore();
  const colour = createColour({
    store: options.store,
    authority,
    keyring: options.keyring,
    codes: () => ctx.codes,
    rules: options.rules,
    now,
    ...(options.sharedStore ? { cacheMs: SHARED_CACHE_MS } : {}),
  });
  const ctx: ServiceContext = {
    authority,
    colour,
    store: options.store,
    keyring: options.keyring,
    identity: options.identity ?? devIdentityVerifier(),
    operatorToken: options.operatorToken,
    rules: options.rules,
    sessionTtlSeconds: options.sessionTtlSeconds ?? SERVICE_DEFAULTS.sessionTtlSeconds,
    now,
    crypto: options.crypto,
    limits: {
      declarations: createRateLimiter({
        limit: options.rateLimits?.declarationsPerMinute ?? SERVICE_DEFAULTS.declarationsPerMinute,
        windowSeconds: 60,
        now,
        shared: shared && ((key, start) => shared(`declarations/${key}`, start)),
      }),
      sessions: createRateLimiter({
        limit: options.rateLimits?.sessionsPerMinute ?? SERVICE_DEFAULTS.sessionsPerMinute,
        windowSeconds: 60,
        now,
        shared: shared && ((key, start) => shared(`sessions/${key}`, start)),
      }),
    },
    codes: createCodeIssuer({
      store: options.store,
      keyring: options.keyring,
      ttlSeconds: codeTtlSeconds,
      refreshRatio: options.refreshRatio ?? SERVICE_DEFAULTS.refreshRatio,
      now,
      crypto: options.crypto,
      shared: options.sharedStore,
      colourOf: colour.codeColour,
    }),
  };
  const health: ServiceRoute[] = [
    { method: 'GET', path: API_ROUTES.healthz, handle: async () => ok({ status: 'ok' }) },
    {
      method: 'GET',
      path: API_ROUTES.readyz,
      async handle() {
        try {
          await options.store.ping();
          await options.keyring.current();
        } catch (cause) {
          throw new ApiError('unavailable', 'not ready', { cause });
        }
        return ok({ status: 'ready' });
      },
    },
  ];
  const routes = [
    ...sessionRoutes(ctx),
    ...declarationRoutes(ctx),
    ...codeRoutes(ctx),
    ...orgRoutes(ctx),
    ...authorityRoutes(ctx),
    ...health,
  ].map((route): ServiceRoute => ({
    ...route,
    handle: (request: ServiceRequest) => route.handle(request).catch((error: unknown) => errorResponse(error, options.onError)),
  }));
  return { routes };
}
