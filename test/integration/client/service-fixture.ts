import { setupServer } from 'msw/node';
import { createClient, type ClientOptions } from '@healthcode/core';
import { createKeyringState, type ServiceStore } from '@healthcode/service';
import { toPublicJwk } from '@healthcode/core/code';
import { createServiceHandlers, mockHost, type FetchLike } from '@healthcode/mock-host';
import { createMemoryStore } from '@healthcode/service';

export const BASE_URL = 'https://health.test';

export { greenAnswers as validAnswers } from '@healthcode/test-utils';

/**
 * The service contract in memory (msw handlers over the service engine), a clock both
 * sides share, and counters of what the service actually recorded.
 */
export async function startService() {
  const clock = { now: new Date('2026-11-27T02:00:00Z') };
  const now = () => new Date(clock.now);
  const keys = await createKeyringState();
  const store = createMemoryStore();
  const recorded = { declarations: 0, checkins: 0 };
  const countingStore: ServiceStore = {
    ...store,
    commitDeclaration: async (commit) => {
      recorded.declarations++;
      return store.commitDeclaration(commit);
    },
    commitCheckin: async (commit) => {
      recorded.checkins++;
      return store.commitCheckin(commit);
    },
  };
  const server = setupServer(...createServiceHandlers({ baseUrl: BASE_URL, keys, store: countingStore, now }));
  server.listen({ onUnhandledRequest: 'error' });
  return { clock, now, recorded, trustRoot: toPublicJwk(keys.root), close: () => server.close() };
}

export type Service = Awaited<ReturnType<typeof startService>>;

/**
 * A simulated app: a mock host whose network can be switched off (requests then fail
 * as a phone in a tunnel would, with `HostError` `network`) or answer in the service's
 * stead (`network.answer`, e.g. a 503 from an overloaded gateway), and a client on it.
 * `account.user` is who the host signs in; change it to hand the phone to someone else.
 */
export function startApp(service: Service, user: string, overrides: Partial<ClientOptions> = {}) {
  type Init = Parameters<FetchLike>[1];
  const network = {
    online: true,
    lose: undefined as undefined | ((url: string, init: Init) => boolean),
    answer: undefined as undefined | ((url: string, init: Init) => Response | undefined),
  };
  const account = { user };
  const fetch: FetchLike = async (url, init) => {
    if (!network.online) throw new TypeError('Failed to fetch');
    const standIn = network.answer?.(url, init);
    if (standIn) return standIn;
    const response = await (globalThis.fetch as unknown as FetchLike)(url, init);
    // The request reached the service, but its answer is lost on the way back.
    if (network.lose?.(url, init)) throw new TypeError('connection reset');
    return response;
  };
  const host = mockHost({ name: 'wechat', fetch, authCode: () => `dev:${account.user}` });
  const options = { host, baseUrl: BASE_URL, trustRoot: service.trustRoot, now: service.now, sleep: async () => {}, ...overrides };
  return { host, network, account, client: createClient(options), restart: () => createClient(options) };
}

/** Requests the host sent to `path`, by method. */
export function requestsTo(host: ReturnType<typeof mockHost>, method: string, path: string) {
  return host.callsOf('request').filter((c) => {
    const request = c.args[0] as { url: string; method: string };
    return request.method === method && new URL(request.url).pathname === path;
  });
}
