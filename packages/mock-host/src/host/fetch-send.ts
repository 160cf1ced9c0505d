import { HostError, isHostError } from '@healthcode/core';
import { withTimeout, type PreparedRequest, type RawResponse } from '@healthcode/core/host/kit';

/** The slice of the Fetch API the mock host uses (mock-host's lib has no DOM types). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{
  status: number;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  text(): Promise<string>;
}>;

/**
 * Sends a prepared request through `fetch` (so msw handlers can answer it). A rejected
 * fetch is `network`; no answer within `timeoutMs` is `timeout`.
 */
export async function sendWithFetch(host: string, fetch: FetchLike, request: PreparedRequest): Promise<RawResponse> {
  const init: Parameters<FetchLike>[1] = { method: request.method, headers: request.headers };
  if (request.body !== undefined) init.body = request.body;
  const exchange = (async (): Promise<RawResponse> => {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetch(request.url, init);
    } catch (raw) {
      if (isHostError(raw)) throw raw;
      throw new HostError('host/network', `request to ${request.url} failed`, { host, raw });
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body: await response.text() };
  })();
  if (request.timeoutMs === undefined) return exchange;
  return withTimeout(exchange, request.timeoutMs, () => {
    const raw = { url: request.url, timeoutMs: request.timeoutMs };
    return new HostError('host/timeout', `no response from ${request.url} within ${request.timeoutMs} ms`, { host, raw });
  });
}

/** The runtime's `fetch`, looked up when first needed so test interceptors installed later apply. */
export function globalFetch(host: string): FetchLike {
  return (url, init) => {
    const fetch = (globalThis as { fetch?: FetchLike }).fetch;
    if (!fetch) return Promise.reject(new HostError('host/unsupported', 'this runtime has no fetch', { host }));
    return fetch(url, init);
  };
}
