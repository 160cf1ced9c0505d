import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { ApiError } from '@healthcode/core/api';
import { errorResponse, REQUEST_ID_HEADER, withRequestId } from '@healthcode/service';

/** A fresh request id, in the service's `req_…` form (fastify's default counts from 1 again after each restart). */
export const newRequestId = (): string => `req_${randomBytes(12).toString('hex')}`;

/**
 * Longest path parameter the router matches. Routes are `/v1/*` wildcards, so this bounds
 * the whole path below a top segment: long enough that the service itself judges any
 * path a client may send (and answers in its own error shape).
 */
export const MAX_PATH_LENGTH = 8192;

/** Requests fastify refuses before routing (bad percent-encoding in the path): the documented error shape. */
export function frameworkRefusal(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const refusal = new ApiError('bad_request', `malformed request (${error.code ?? 'unparsable URL'})`);
  const answer = withRequestId(errorResponse(refusal), request.id);
  void reply.code(answer.status).headers(answer.headers ?? {}).send(answer.body);
}

/**
 * Requests Node's HTTP parser refuses before fastify sees them (headers over the limit,
 * malformed request lines): answered on the socket in the documented error shape, then
 * closed, as the parser cannot go on reading that connection.
 */
export function clientErrorAnswer(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const refusal =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ApiError('headers_too_large', 'request headers too large')
      : new ApiError('bad_request', `malformed request (${error.code ?? 'unparsable'})`);
  const requestId = newRequestId();
  const answer = withRequestId(errorResponse(refusal), requestId);
  const body = JSON.stringify(answer.body);
  socket.end(
    `HTTP/1.1 ${answer.status} ${refusal.code}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `${REQUEST_ID_HEADER}: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The fastify options that keep its own refusals in the service's error shape. */
export const refusalOptions = {
  genReqId: newRequestId,
  requestIdHeader: false,
  maxParamLength: MAX_PATH_LENGTH,
  frameworkErrors: frameworkRefusal,
  clientErrorHandler: clientErrorAnswer,
} satisfies Partial<FastifyServerOptions>;
