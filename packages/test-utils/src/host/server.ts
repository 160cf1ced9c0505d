/** A request as it reaches the conformance server through a fake host. */
export interface FakeServerRequest {
  url: string;
  method: string;
  /** Header names exactly as the host sent them. */
  headers: Record<string, string>;
  body?: string;
}

/** The server's answer: always text, as on the wire; header names in mixed case on purpose. */
export interface FakeServerResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A synchronous HTTP server that fakes route requests to instead of the network. */
export type FakeServer = (request: FakeServerRequest) => FakeServerResponse;

/** Origin every conformance request goes to; fakes must not really connect to it. */
export const CONFORMANCE_ORIGIN = 'https://conformance.test';

/**
 * The routes the conformance suite calls:
 * - `GET /json`: 200 JSON with a mixed-case content type and an `X-Request-Id` header
 * - `GET /text`: 200 plain text that happens to look like JSON
 * - `GET /missing`: 404 with a JSON error body
 * - `POST /echo`: 200 JSON echo of method, header names as received, and body text
 */
export const conformanceServer: FakeServer = (request) => {
  const path = request.url.startsWith(CONFORMANCE_ORIGIN) ? request.url.slice(CONFORMANCE_ORIGIN.length) : request.url;
  const json = (status: number, value: unknown): FakeServerResponse => ({
    status,
    headers: { 'Content-Type': 'Application/JSON; charset=utf-8', 'X-Request-Id': 'req-1' },
    body: JSON.stringify(value),
  });
  if (request.method === 'GET' && path === '/json') return json(200, { ok: true, greeting: '你好' });
  if (request.method === 'GET' && path === '/text') {
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: '{"not":"parsed"}' };
  }
  if (request.method === 'POST' && path === '/echo') {
    return json(200, { method: request.method, headers: request.headers, body: request.body ?? null });
  }
  return json(404, { error: { code: 'not_found', message: `no route ${request.method} ${path}` } });
};
