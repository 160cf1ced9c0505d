import { http, HttpResponse, matchRequestUrl, type HttpHandler } from 'msw';
import {
  ApiError,
  createKeyring,
  createKeyringState,
  createServiceEngine,
  DEFAULT_CODE_TTL_SECONDS,
  errorResponse,
  type CryptoProvider,
  type IdentityVerifier,
  type IssuerInfo,
  type KeyringState,
  type RuleSet,
  type ServiceEngine,
  type ServiceResponse,
  type ServiceStore,
} from '@healthcode/core';
import { WebUrl, type FetchRequest } from './fetch-types.js';
import { createMemoryStore } from './memory-store.js';

/** Options of {@link createServiceHandlers}. */
export interface ServiceHandlersOptions {
  /** Where the mocked service lives, e.g. `https://api.example.test`; routes are `baseUrl + '/v1/…'`. */
  baseUrl: string;
  /**
   * Key material; pass it (from `createKeyringState()`) to know the root public key
   * clients verify the trust list with. Default: fresh keys made on the first request.
   */
  keys?: KeyringState;
  /** Default `operator-dev-token`. */
  operatorToken?: string;
  /** Default: the development verifier (`dev:<userId>`). */
  identity?: IdentityVerifier;
  issuer?: IssuerInfo;
  rules?: RuleSet;
  codeTtlSeconds?: number;
  refreshRatio?: number;
  /** Per user and minute; defaults 30 declarations and 30 sign-ins, as the reference server. */
  rateLimits?: { declarationsPerMinute?: number; sessionsPerMinute?: number };
  /** Default: a fresh in-memory store. */
  store?: ServiceStore;
  now?: () => Date;
  crypto?: CryptoProvider;
  /** Largest accepted request body in characters; default 64 KiB, as the reference server. */
  bodyLimit?: number;
}

const DEV_ISSUER: IssuerInfo = { id: 'mock-issuer', name: 'HealthCode mock issuer', region: '310000' };

const json = HttpResponse.json as unknown as (body: unknown, init: { status: number }) => HttpResponse<never>;
const reply = (response: ServiceResponse) => json(response.body, { status: response.status });

async function readJson(request: FetchRequest, limit: number): Promise<unknown> {
  const text = await request.text();
  if (text.length > limit) throw new ApiError('payload_too_large', 'request body too large');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ApiError('bad_request', 'request body is not valid JSON', { cause });
  }
}

/**
 * msw request handlers implementing the HealthCode service contract in memory, with
 * the same engine as the reference server (validation, assessment, signed codes,
 * check-ins, dashboards). For tests (`setupServer(...createServiceHandlers({ baseUrl }))`)
 * and the browser playground (`setupWorker`).
 */
export function createServiceHandlers(options: ServiceHandlersOptions): HttpHandler[] {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  const codeTtlSeconds = options.codeTtlSeconds ?? DEFAULT_CODE_TTL_SECONDS;
  let engine: Promise<ServiceEngine> | undefined;
  const getEngine = () =>
    (engine ??= (async () => {
      const keyring = createKeyring(options.keys ?? (await createKeyringState({ crypto: options.crypto })), {
        issuer: options.issuer ?? DEV_ISSUER,
        codeTtlSeconds,
        now: options.now,
        crypto: options.crypto,
      });
      return createServiceEngine({
        store: options.store ?? createMemoryStore(),
        keyring,
        operatorToken: options.operatorToken ?? 'operator-dev-token',
        identity: options.identity,
        rules: options.rules,
        codeTtlSeconds,
        refreshRatio: options.refreshRatio,
        rateLimits: options.rateLimits,
        now: options.now,
        crypto: options.crypto,
      });
    })());

  // One handler for the whole base URL: the engine's route table decides, as fastify does on the server.
  return [
    http.all(`${baseUrl}/*`, async (info) => {
      const request = info.request as unknown as FetchRequest;
      const { routes } = await getEngine();
      const url = new WebUrl(request.url);
      try {
        for (const route of routes) {
          const match = matchRequestUrl(url as Parameters<typeof matchRequestUrl>[0], route.path, baseUrl);
          if (!match.matches) continue;
          if (route.method !== request.method) continue;
          const body = request.method === 'GET' ? undefined : await readJson(request, bodyLimit);
          return reply(
            await route.handle({
              params: Object.fromEntries(Object.entries(match.params ?? {}).map(([k, v]) => [k, String(v)])),
              query: Object.fromEntries(url.searchParams),
              headers: Object.fromEntries(request.headers),
              body,
            }),
          );
        }
        throw new ApiError('not_found', `no route ${request.method} ${url.pathname}`);
      } catch (error) {
        return reply(errorResponse(error));
      }
    }),
  ];
}
