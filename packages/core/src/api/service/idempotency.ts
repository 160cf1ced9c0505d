import { ApiError } from '../api-error.js';
import { IDEMPOTENCY_KEY_HEADER } from '../routes.js';
import type { ServiceContext } from './context.js';
import { canonicalJson, type ServiceRequest, type ServiceResponse } from './http.js';
import type { StoredAnswer } from './store.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/** Where a POST route stands with respect to the request's `Idempotency-Key`. */
export interface IdempotentRequest {
  /** The stored answer when this very request was already served: send it instead of acting again. */
  replay?: ServiceResponse;
  /**
   * The record of `response` to commit in the same transaction as the request's effects,
   * or `undefined` when the request carried no key.
   */
  answer(response: ServiceResponse): StoredAnswer | undefined;
}

function idempotencyKey(request: ServiceRequest): string | undefined {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) throw new ApiError('bad_request', `${IDEMPOTENCY_KEY_HEADER} must be 1 to 128 printable ASCII characters`);
  return key;
}

/**
 * Looks up the `Idempotency-Key` of a request to `route` by `userId` (keys are scoped
 * per user). Throws `bad_request` for a malformed key and `conflict` when the key was
 * already used for another request: another body, or the same body on another route.
 */
export async function idempotentRequest(ctx: ServiceContext, request: ServiceRequest, userId: string, route: string): Promise<IdempotentRequest> {
  const key = idempotencyKey(request);
  if (key === undefined) return { answer: () => undefined };
  // The route is part of the fingerprint: request schemas accept unknown members, so one body could suit two routes.
  const fingerprint = canonicalJson({ route, body: request.body ?? null });
  const earlier = await ctx.store.getIdempotent(userId, key);
  if (earlier && earlier.fingerprint !== fingerprint) {
    throw new ApiError('conflict', `${IDEMPOTENCY_KEY_HEADER} was already used for a different request`);
  }
  return {
    ...(earlier && { replay: { status: earlier.status, body: earlier.body } }),
    answer: ({ status, body }) => ({ userId, key, fingerprint, status, body, createdAt: ctx.now().getTime() }),
  };
}
