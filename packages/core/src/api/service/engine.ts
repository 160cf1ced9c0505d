import { DEFAULT_CODE_TTL_SECONDS, type CryptoProvider } from '../../code/index.js';
import type { RuleSet } from '../../assessment/index.js';
import { ApiError } from '../api-error.js';
import { API_ROUTES } from '../routes.js';
import { createCodeIssuer } from './code-issuer.js';
import { codeRoutes } from './code-routes.js';
import type { ServiceContext } from './context.js';
import { declarationRoutes } from './declaration-routes.js';
import { ok, type ServiceRequest, type ServiceResponse, type ServiceRoute } from './http.js';
import { devIdentityVerifier, type IdentityVerifier } from './identity.js';
import type { Keyring } from './keyring.js';
import { orgRoutes } from './org-routes.js';
import { createRateLimiter } from './rate-limit.js';
import { sessionRoutes } from './session-routes.js';
import type { ServiceStore } from './store.js';

/** Options of {@link createServiceEngine}. */
export interface ServiceEngineOptions {
  store: ServiceStore;
  keyring: Keyring;
  /** Bearer token of the operator: creates organisations, decides passport reviews. */
  operatorToken: string;
  /** Default {@link devIdentityVerifier}: for development only. */
  identity?: IdentityVerifier;
  rules?: RuleSet;
  /** Lifetime of issued codes; default `DEFAULT_CODE_TTL_SECONDS`. Must match the keyring's `codeTtlSeconds`. */
  codeTtlSeconds?: number;
  /** Fraction of a code's lifetime after which a fresh one is issued; default 0.8. */
  refreshRatio?: number;
  /** Default 7 days. */
  sessionTtlSeconds?: number;
  /** Per user and minute; defaults 30 declarations (idempotent replays are free) and 30 sign-ins. */
  rateLimits?: { declarationsPerMinute?: number; sessionsPerMinute?: number };
  now?: () => Date;
  crypto?: CryptoProvider;
  /** Sees every unexpected error (answered as `internal`), e.g. to log it. */
  onError?: (error: unknown) => void;
}

/** The transport-free service: its routes, each answering a request with a response. */
export interface ServiceEngine {
  readonly routes: readonly ServiceRoute[];
}

/** The answer for an error thrown by a handler: its own for an `ApiError`, else `internal`. */
export function errorResponse(error: unknown, onError?: (error: unknown) => void): ServiceResponse {
  if (error instanceof ApiError && error.status >= 400) return { status: error.status, body: error.toBody() };
  onError?.(error);
  return { status: 500, body: new ApiError('internal', 'internal error').toBody() };
}

/**
 * The HealthCode service's logic, independent of HTTP framework and database: the
 * reference server mounts its routes on fastify over SQLite, the mock handlers on msw
 * over memory. Each route validates its input, checks auth and never rejects.
 */
export function createServiceEngine(options: ServiceEngineOptions): ServiceEngine {
  const now = options.now ?? (() => new Date());
  const codeTtlSeconds = options.codeTtlSeconds ?? DEFAULT_CODE_TTL_SECONDS;
  const ctx: ServiceContext = {
    store: options.store,
    keyring: options.keyring,
    identity: options.identity ?? devIdentityVerifier(),
    operatorToken: options.operatorToken,
    rules: options.rules,
    sessionTtlSeconds: options.sessionTtlSeconds ?? 7 * 86_400,
    now,
    crypto: options.crypto,
    limits: {
      declarations: createRateLimiter({ limit: options.rateLimits?.declarationsPerMinute ?? 30, windowSeconds: 60, now }),
      sessions: createRateLimiter({ limit: options.rateLimits?.sessionsPerMinute ?? 30, windowSeconds: 60, now }),
    },
    codes: createCodeIssuer({
      store: options.store,
      keyring: options.keyring,
      ttlSeconds: codeTtlSeconds,
      refreshRatio: options.refreshRatio ?? 0.8,
      now,
      crypto: options.crypto,
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
  const routes = [...sessionRoutes(ctx), ...declarationRoutes(ctx), ...codeRoutes(ctx), ...orgRoutes(ctx), ...health].map(
    (route): ServiceRoute => ({
      ...route,
      handle: (request: ServiceRequest) => route.handle(request).catch((error: unknown) => errorResponse(error, options.onError)),
    }),
  );
  return { routes };
}
