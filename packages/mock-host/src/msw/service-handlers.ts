import { http, HttpResponse, type HttpHandler } from 'msw';
import { createKeyringState, createMemoryStore, createService, type Service, type ServiceOptions } from '@healthcode/service';
import type { FetchRequest } from './fetch-types.js';

/** Options of {@link createServiceHandlers}: the service's own options, each with a default, plus where it lives. */
export interface ServiceHandlersOptions extends Partial<ServiceOptions> {
  /** Where the mocked service lives, e.g. `https://api.example.test`; routes are `baseUrl + '/v1/…'`. */
  baseUrl: string;
}

type EmptyResponse = new (body: null, init: { status: number; headers?: Record<string, string> }) => HttpResponse<never>;
const json = HttpResponse.json as unknown as (body: unknown, init: { status: number; headers?: Record<string, string> }) => HttpResponse<never>;

/**
 * msw request handlers implementing the HealthCode service contract in memory, with
 * the same engine and request handling as the reference server (validation,
 * assessment, signed codes, check-ins, dashboards). For tests
 * (`setupServer(...createServiceHandlers({ baseUrl }))`) and the browser playground
 * (`setupWorker`). Defaults: a fresh memory store, fresh keys made on the first
 * request (pass `keys` from `createKeyringState()` to know the root public key), the
 * operator token `operator-dev-token`, and `SERVICE_DEFAULTS` for the rest.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createServiceHandlers } from '@healthcode/mock-host';
 *
 * const server = setupServer(...createServiceHandlers({ baseUrl: 'https://api.example.test' }));
 * server.listen();
 * ```
 */
export function createServiceHandlers(options: ServiceHandlersOptions): HttpHandler[] {
  const { baseUrl: rawBase, ...serviceOptions } = options;
  const baseUrl = rawBase.replace(/\/+$/, '');
  let service: Promise<Service> | undefined;
  const getService = () =>
    (service ??= (async () =>
      createService({
        ...serviceOptions,
        store: serviceOptions.store ?? createMemoryStore(),
        keys: serviceOptions.keys ?? (await createKeyringState({ crypto: serviceOptions.crypto })),
        operatorToken: serviceOptions.operatorToken ?? 'operator-dev-token',
      }))());

  // One handler for the whole base URL: the service's own request handler routes, as on the server.
  return [
    http.all(`${baseUrl}/*`, async (info) => {
      const request = info.request as unknown as FetchRequest;
      const { handle } = await getService();
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(await request.arrayBuffer());
      const answer = await handle({
        method: request.method,
        url: request.url.slice(baseUrl.length) || '/',
        headers: Object.fromEntries(request.headers),
        body,
      });
      if (answer.body === undefined) return new (HttpResponse as unknown as EmptyResponse)(null, { status: answer.status, headers: answer.headers });
      return json(answer.body, { status: answer.status, headers: answer.headers });
    }),
  ];
}
