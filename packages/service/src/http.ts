import type { ZodType } from 'zod';
import { ApiError } from '@healthcode/core/api';

/** A request as a transport (fastify, msw) hands it to the engine. */
export interface ServiceRequest {
  /** Path parameters named in the route, decoded. */
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON body; `undefined` when there was none. */
  body: unknown;
}

/** What the engine answers; `body` is JSON-serialisable. */
export interface ServiceResponse {
  status: number;
  body: unknown;
  /** Headers to send besides `Content-Type`, names in lower case. */
  headers?: Record<string, string>;
}

/** One route of the service. `handle` never rejects: errors become error responses. */
export interface ServiceRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Template from `API_ROUTES`, with `:param` segments. */
  path: string;
  handle(request: ServiceRequest): Promise<ServiceResponse>;
}

/**
 * Parses `value` with `schema`, or throws `bad_request` listing every problem
 * (`details.issues`, each with a dotted `path`).
 */
export function parseOrThrow<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
  throw new ApiError('bad_request', `invalid ${what}`, { details: { issues } });
}

/** The bearer token of a request, or `unauthorized`. */
export function bearerToken(request: ServiceRequest): string {
  const header = request.headers['authorization'];
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match?.[1]) throw new ApiError('unauthorized', 'missing or malformed Authorization: Bearer header');
  return match[1];
}

/** Constant-time string comparison, so a token check does not leak how much matched. */
export function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/** JSON with object keys sorted at every depth: equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A `201 Created` answer. */
export const created = (body: unknown): ServiceResponse => ({ status: 201, body });
/** A `204 No Content` answer. */
export const noContent = (): ServiceResponse => ({ status: 204, body: undefined });
/** A `200 OK` answer. */
export const ok = (body: unknown): ServiceResponse => ({ status: 200, body });
