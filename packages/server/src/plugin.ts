import { readFileSync } from 'node:fs';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '@healthcode/core/api';
import { errorResponse, withRequestId, type Service } from '@healthcode/service';

/** Options of {@link healthCodePlugin}. */
export interface HealthCodePluginOptions {
  /** The service to serve, from `createService()`. */
  service: Service;
  /** Serve the organisation dashboard at `/dashboard` and the health authority console at `/console`; default true. */
  dashboard?: boolean;
}

/** The documented error for a request fastify refused before the service saw it. */
export function fastifyErrorAsApiError(error: FastifyError): unknown {
  const status = error.statusCode ?? 500;
  if (status === 413) return new ApiError('payload_too_large', 'request body too large');
  if (status === 415) return new ApiError('unsupported_media_type', 'send JSON (Content-Type: application/json)');
  // fastify's message may quote the body: answer with its stable code instead.
  if (status >= 400 && status < 500) return new ApiError('bad_request', `malformed request (${error.code ?? 'invalid body'})`);
  return error;
}

const pages = new Map<string, string>();
/** A file of the package's static/ folder (beside src/ and dist/), read once. */
function staticFile(name: string): string {
  let page = pages.get(name);
  if (page === undefined) {
    page = readFileSync(new URL(`../static/${name}`, import.meta.url), 'utf8');
    pages.set(name, page);
  }
  return page;
}

/**
 * The HealthCode service as a fastify plugin: `/v1/…` (and `/dashboard`) on any fastify
 * app. Encapsulated: its body parser and error handler apply to its own routes only, so
 * the host app's other routes keep theirs.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { createKeyringState, createMemoryStore, createService } from '@healthcode/service';
 * import { healthCodePlugin } from '@healthcode/server';
 *
 * const app = Fastify();
 * const service = createService({ store: createMemoryStore(), keys: await createKeyringState(), operatorToken: 'op-secret' });
 * await app.register(healthCodePlugin, { service });
 * await app.listen({ port: 8080 });
 * ```
 */
export const healthCodePlugin: FastifyPluginAsync<HealthCodePluginOptions> = async (app, options) => {
  const { service } = options;
  // The service reads the raw bytes itself (limit, media type, JSON), exactly as under msw.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body instanceof Uint8Array ? request.body : undefined;
    const answer = await service.handle({ method: request.method, url: request.url, headers: request.headers, body, requestId: request.id });
    return reply.code(answer.status).headers(answer.headers ?? {}).send(answer.body);
  };
  // Every top-level path the engine answers (`/v1`, `/healthz`, …), whole and below: the
  // service routes, so its not_found and error shapes hold for paths fastify would not know.
  const tops = new Set(service.engine.routes.map((route) => `/${route.path.split('/')[1]}`));
  for (const top of tops) {
    app.all(top, serve);
    app.all(`${top}/*`, serve);
  }

  if (options.dashboard ?? true) {
    app.get('/dashboard', (_, reply) => reply.type('text/html; charset=utf-8').send(staticFile('dashboard.html')));
    app.get('/dashboard.js', (_, reply) => reply.type('text/javascript; charset=utf-8').send(staticFile('dashboard.js')));
    app.get('/console', (_, reply) => reply.type('text/html; charset=utf-8').send(staticFile('console.html')));
    app.get('/console.js', (_, reply) => reply.type('text/javascript; charset=utf-8').send(staticFile('console.js')));
  }

  // Errors fastify raises before the service runs (body over fastify's own limit, aborted uploads).
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const answer = withRequestId(errorResponse(fastifyErrorAsApiError(error), (err) => request.log.error({ err }, 'unexpected error')), request.id);
    return reply.code(answer.status).headers(answer.headers ?? {}).send(answer.body);
  });
};
