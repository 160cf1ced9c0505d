import { createServiceEngine, type ServiceEngine } from './engine.js';
import type { ServiceResponse } from './http.js';
import { createKeyring, type Keyring } from './keys/keyring.js';
import { SERVICE_DEFAULTS, type ServiceOptions } from './options.js';
import { createRequestHandler, type HttpRequest } from './transport.js';
import type { ServiceRoute } from './http.js';
import { monotonicMs } from './platform.js';

function observed(route: ServiceRoute, onAnswer: NonNullable<ServiceOptions['onAnswer']>): ServiceRoute {
  return {
    ...route,
    async handle(request) {
      const start = monotonicMs();
      const answer = await route.handle(request);
      onAnswer(route, answer.status, (monotonicMs() - start) / 1000);
      return answer;
    },
  };
}

/** A configured HealthCode service, ready to be put behind a transport. */
export interface Service {
  /** The routes, for a transport that routes itself. */
  readonly engine: ServiceEngine;
  readonly keyring: Keyring;
  /** Answers one HTTP request (routing, body limit, JSON, errors); never rejects. */
  handle(request: HttpRequest): Promise<ServiceResponse>;
}

/**
 * Makes the service from its options: keyring, engine and the request handler that
 * every transport shares.
 *
 * @example
 * ```ts
 * import { createKeyringState, createMemoryStore, createService } from '@healthcode/service';
 *
 * const service = createService({ store: createMemoryStore(), keys: await createKeyringState(), operatorToken: 'op-secret' });
 * const answer = await service.handle({ method: 'GET', url: '/v1/healthz', headers: {} });
 * console.log(answer.status); // 200
 * ```
 */
export function createService(options: ServiceOptions): Service {
  const codeTtlSeconds = options.codeTtlSeconds ?? SERVICE_DEFAULTS.codeTtlSeconds;
  const keyring = createKeyring(options.keys, {
    issuer: options.issuer ?? SERVICE_DEFAULTS.issuer,
    codeTtlSeconds,
    alg: options.alg,
    crypto: options.crypto,
    now: options.now,
    onChange: options.onKeysChange,
    shared: options.sharedKeys,
  });
  const engine = createServiceEngine({ ...options, keyring, codeTtlSeconds });
  const { onAnswer } = options;
  const routes = onAnswer ? engine.routes.map((route) => observed(route, onAnswer)) : engine.routes;
  const handle = createRequestHandler(routes, {
    bodyLimit: options.bodyLimit ?? SERVICE_DEFAULTS.bodyLimit,
    onError: options.onError,
  });
  return { engine, keyring, handle };
}
