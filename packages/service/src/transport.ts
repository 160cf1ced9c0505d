import { ApiError } from '@healthcode/core/api';
import { assertJsonDepth, assertSafeText } from './body-guard.js';
import { errorResponse } from './errors.js';
import type { ServiceResponse, ServiceRoute } from './http.js';
import { newId } from './ids.js';
import { searchParams, strictUtf8 } from './platform.js';

/**
 * An HTTP request as any transport sees it before routing: the one shape both the
 * reference server (fastify) and the msw handlers hand over, so body limits, media
 * types, JSON parsing and routing behave the same on both.
 */
export interface HttpRequest {
  method: string;
  /** Path and query as sent, e.g. `/v1/orgs/o1/dashboard?date=2026-12-01` (the origin, if any, is ignored). */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** The raw body bytes; `undefined` or empty when there was none. */
  body?: Uint8Array;
  /** The transport's id for this request (e.g. fastify's, as logged); a fresh one when absent. */
  requestId?: string;
}

/** Header naming the request an answer belongs to; error bodies repeat it as `error.requestId`. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** `answer` marked with `requestId`: in its headers, and in its body when it is an error. */
export function withRequestId(answer: ServiceResponse, requestId: string): ServiceResponse {
  const body = answer.body as { error?: Record<string, unknown> } | undefined;
  const marked = answer.status >= 400 && body?.error ? { error: { ...body.error, requestId } } : answer.body;
  return { ...answer, body: marked, headers: { ...answer.headers, [REQUEST_ID_HEADER]: requestId } };
}

/** Options of {@link createRequestHandler}. */
export interface RequestHandlerOptions {
  /** Largest accepted body in bytes. */
  bodyLimit: number;
  onError?: (error: unknown) => void;
}

interface CompiledRoute {
  route: ServiceRoute;
  segments: readonly string[];
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function isJsonMediaType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type !== undefined && /^application\/[\w.+-]+\+json$/.test(type));
}

// JSON.parse makes `__proto__` an own property, harmless to JSON.parse itself but a trap for
// any later merge into a plain object: such bodies are refused outright, as fastify does.
function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new ApiError('bad_request', 'request body contains a forbidden key (__proto__)');
  return value;
}

function parseBody(request: HttpRequest, limit: number): unknown {
  const bytes = request.body;
  if (!bytes || bytes.length === 0) return undefined;
  if (bytes.length > limit) throw new ApiError('payload_too_large', `request body over ${limit} bytes`);
  if (!isJsonMediaType(headerValue(request.headers['content-type']))) {
    throw new ApiError('unsupported_media_type', 'send JSON (Content-Type: application/json)');
  }
  let text: string;
  try {
    text = strictUtf8().decode(bytes);
  } catch (cause) {
    throw new ApiError('bad_request', 'request body is not valid UTF-8', { cause });
  }
  assertJsonDepth(text);
  let body: unknown;
  try {
    body = JSON.parse(text, rejectPrototypeKeys) as unknown;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError('bad_request', 'request body is not valid JSON', { cause });
  }
  assertSafeText(body);
  return body;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (cause) {
    throw new ApiError('bad_request', 'malformed percent-encoding in the path', { cause });
  }
}

function match(compiled: CompiledRoute, segments: readonly string[]): Record<string, string> | undefined {
  if (compiled.segments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const pattern = compiled.segments[i]!;
    const actual = segments[i]!;
    if (pattern.startsWith(':')) {
      if (actual === '') return undefined;
      params[pattern.slice(1)] = actual;
    } else if (pattern !== actual) return undefined;
  }
  return params;
}

function splitUrl(url: string): { path: string; query: Record<string, string | undefined> } {
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const q = withoutOrigin.indexOf('?');
  const path = q === -1 ? withoutOrigin : withoutOrigin.slice(0, q);
  const query: Record<string, string | undefined> = {};
  if (q !== -1) {
    // URLSearchParams replaces bad percent-encoding with U+FFFD instead of throwing.
    for (const [k, v] of searchParams(withoutOrigin.slice(q + 1))) query[k] ??= v;
  }
  return { path, query };
}

/**
 * One function from HTTP request to answer over the engine's routes: routing, path
 * parameters, query, body limit in bytes, media type, JSON and the error shape. It never
 * rejects: every failure becomes the documented `{ error: { code, message } }` answer.
 */
export function createRequestHandler(
  routes: readonly ServiceRoute[],
  options: RequestHandlerOptions,
): (request: HttpRequest) => Promise<ServiceResponse> {
  const compiled: CompiledRoute[] = routes.map((route) => ({ route, segments: route.path.split('/') }));
  return async (request) => withRequestId(await answer(request), request.requestId ?? newId('req'));
  async function answer(request: HttpRequest): Promise<ServiceResponse> {
    try {
      const { path, query } = splitUrl(request.url);
      const raw = path.split('/');
      const method = request.method.toUpperCase();
      let pathMatched = false;
      for (const candidate of compiled) {
        const params = match(candidate, raw);
        if (!params) continue;
        pathMatched = true;
        if (candidate.route.method !== method) continue;
        const decoded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, decodeSegment(v)]));
        const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), headerValue(v)]));
        const body = method === 'GET' ? undefined : parseBody(request, options.bodyLimit);
        return await candidate.route.handle({ params: decoded, query, headers, body });
      }
      throw new ApiError('not_found', pathMatched ? `method ${method} not allowed on ${path}` : `no route ${method} ${path}`);
    } catch (error) {
      return errorResponse(error, options.onError);
    }
  }
}
