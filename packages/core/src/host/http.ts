import { findHeader, normaliseHeaders } from './headers.js';
import { asHostError, HostError } from './host-error.js';
import type { HostRequest, HostRequestOptions, HostResponse, HttpMethod } from './host.js';

/** A request as an adapter hands it to its host: method set, body already a string. */
export interface PreparedRequest {
  url: string;
  method: HttpMethod;
  /** Names as the caller gave them, plus `content-type` for JSON bodies. */
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/** What an adapter got back from its host, before normalisation. */
export interface RawResponse {
  status: number;
  /** Any shape the host uses: names in any case, values strings or arrays. */
  headers: unknown;
  /** The body as text (adapters ask their host not to parse it), or already parsed. */
  body: unknown;
}

/**
 * Builds a `HostRequest` from one host primitive. Core does the rest once for every
 * host: body serialisation, a JSON content type, header normalisation, JSON-or-text
 * body parsing, and wrapping any stray error as `HostError`.
 *
 * @param host - host name for errors
 * @param send - performs the request; rejects with `HostError` `network` or `timeout`
 *   when no response arrived, and resolves with every response, 2xx or not
 * @param options.methods - the methods the host can send (mini-program requests lack
 *   `PATCH`); others reject with `unsupported` before reaching the host
 */
export function createHostRequest(
  host: string,
  send: (request: PreparedRequest) => Promise<RawResponse>,
  options: { methods?: readonly HttpMethod[] } = {},
): HostRequest {
  return async (request) => {
    const prepared = prepareRequest(host, request);
    if (options.methods && !options.methods.includes(prepared.method)) {
      // Only the url and method: the request itself carries credentials and personal data.
      throw new HostError('host/unsupported', `${host} cannot send ${prepared.method} requests`, { host, raw: { url: prepared.url, method: prepared.method } });
    }
    let raw: RawResponse;
    try {
      raw = await send(prepared);
    } catch (error) {
      throw asHostError(host, error);
    }
    return normaliseResponse(raw);
  };
}

/** Applies defaults and serialises a JSON body; exported for adapters with unusual transports. */
export function prepareRequest(host: string, options: HostRequestOptions): PreparedRequest {
  if (typeof options?.url !== 'string' || options.url === '') {
    throw new HostError('host/host_error', 'request needs a url', { host, raw: { method: options?.method } });
  }
  const headers = { ...options.headers };
  const prepared: PreparedRequest = { url: options.url, method: options.method ?? 'GET', headers };
  if (options.body !== undefined) {
    if (typeof options.body === 'string') {
      prepared.body = options.body;
    } else {
      prepared.body = JSON.stringify(options.body);
      if (findHeader(headers, 'content-type') === undefined) headers['content-type'] = 'application/json';
    }
  }
  if (options.timeoutMs !== undefined) prepared.timeoutMs = options.timeoutMs;
  return prepared;
}

/** Lower-cases headers and parses a JSON body (by content type); other bodies stay text. */
export function normaliseResponse(raw: RawResponse): HostResponse {
  const headers = normaliseHeaders(raw.headers);
  return { status: raw.status, headers, body: parseBody(raw.body, headers['content-type']) };
}

function parseBody(body: unknown, contentType: string | undefined): unknown {
  if (typeof body !== 'string') return body ?? '';
  if (body === '' || !contentType || !/[/+]json\b/i.test(contentType)) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
