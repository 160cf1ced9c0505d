import { ApiError } from '@healthcode/core/api';
import { IDEMPOTENCY_KEY_HEADER } from '@healthcode/core/api';
import type { ServiceContext } from './context.js';
import { keyedDigest } from '@healthcode/core/privacy';
import { canonicalJson, type ServiceRequest, type ServiceResponse } from './http.js';
import { DEFAULT_RETENTION } from './store/retention.js';
import type { IdempotencyClaim, IdempotencyRecord, StoredAnswer } from './store/store.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * `details.reason` of the `unavailable` (503) answer to a duplicate that arrives while
 * the first request with its `Idempotency-Key` is still being acted on. 503, not 409:
 * clients retry a 5xx and keep it queued, and the retry gets the first request's answer.
 */
export const IDEMPOTENCY_IN_PROGRESS = 'idempotency_key_in_progress';

/**
 * Turns the response of an idempotent request into the record to commit in the same
 * transaction as its effects; `undefined` when the request carried no key.
 */
export type AnswerRecorder = (response: ServiceResponse) => StoredAnswer | undefined;

function idempotencyKey(request: ServiceRequest): string | undefined {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) throw new ApiError('bad_request', `${IDEMPOTENCY_KEY_HEADER} must be 1 to 128 printable ASCII characters`);
  return key;
}

/**
 * A keyed hash of the route and canonical body: enough to tell a retry from a different
 * request, while the store keeps no name, document number or phone of the body.
 * The route is part of it: request schemas accept unknown members, so one body could suit two routes.
 */
function fingerprint(ctx: ServiceContext, route: string, body: unknown): string {
  const key = keyedDigest('healthcode/idempotency-fingerprint', ctx.keyring.subjectKey);
  return keyedDigest(canonicalJson({ route, body: body ?? null }), key);
}

/** The answer for a request whose key was already taken by `earlier`. */
function answerFor(earlier: IdempotencyRecord, fingerprint: string): ServiceResponse {
  if (earlier.fingerprint !== fingerprint) {
    throw new ApiError('conflict', `${IDEMPOTENCY_KEY_HEADER} was already used for a different request`);
  }
  if (earlier.state === 'pending') {
    throw new ApiError('unavailable', `a request with this ${IDEMPOTENCY_KEY_HEADER} is in progress; retry later`, {
      details: { reason: IDEMPOTENCY_IN_PROGRESS, retryAfterSeconds: 1 },
    });
  }
  return { status: earlier.status, body: earlier.body };
}

/**
 * Runs `act` at most once per `Idempotency-Key` of a request to `route` by `userId`
 * (keys are scoped per user). The key is claimed before `act` runs, so of two
 * concurrent duplicates only one acts; the other gets `unavailable` with
 * `details.reason` {@link IDEMPOTENCY_IN_PROGRESS}. A later duplicate gets the stored
 * answer. When `act` throws, the claim is released and the key may be used again.
 *
 * @throws ApiError `bad_request` for a malformed key, `conflict` when the key was used
 * for another request (another body, or the same body on another route)
 */
export async function runIdempotent(
  ctx: ServiceContext,
  request: ServiceRequest,
  userId: string,
  route: string,
  act: (record: AnswerRecorder) => Promise<ServiceResponse>,
): Promise<ServiceResponse> {
  const key = idempotencyKey(request);
  if (key === undefined) return act(() => undefined);
  const now = ctx.now().getTime();
  const claim: IdempotencyClaim = { userId, key, fingerprint: fingerprint(ctx, route, request.body), createdAt: now };
  // A claim older than any request's run is a crashed process's: this retry takes it over at once.
  const earlier = await ctx.store.claimIdempotencyKey(claim, now - DEFAULT_RETENTION.pendingMs);
  if (earlier) return answerFor(earlier, claim.fingerprint);
  try {
    return await act(({ status, body }) => ({ ...claim, status, body, createdAt: ctx.now().getTime() }));
  } catch (error) {
    // The request's own error is the one to answer with; a claim left behind by a
    // failed release is dropped by the store's purge after `RetentionPolicy.pendingMs`.
    await ctx.store.releaseIdempotencyKey(userId, key).catch(() => undefined);
    throw error;
  }
}
