import { ApiError } from '@healthcode/core/api';
import { API_ROUTES } from '@healthcode/core/api';
import {
  createSessionRequestSchema,
  decideReviewRequestSchema,
  type CreateSessionResponse,
  type DecideReviewResponse,
  type ListReviewsResponse,
  type Review,
  type SessionInfo,
} from '@healthcode/core/api';
import { authenticate, requireOperator, type ServiceContext } from '../context.js';
import { bearerToken, created, noContent, ok, parseOrThrow, type ServiceRoute } from '../http.js';
import { newId, newToken } from '../ids.js';
import type { StoredReview, StoredUser } from '../store/store.js';

const iso = (ms: number) => new Date(ms).toISOString();

function sessionInfo(user: StoredUser, expiresAt: number): SessionInfo {
  const info: SessionInfo = { identityStatus: user.identityStatus, expiresAt: iso(expiresAt) };
  if (user.reviewId) info.reviewId = user.reviewId;
  return info;
}

function reviewJson(review: StoredReview): Review {
  return {
    reviewId: review.reviewId,
    submittedAt: iso(review.submittedAt),
    passport: review.passport,
    identityStatus: review.identityStatus,
  };
}

/** Sign-in (`POST /v1/sessions`), the session's state, and the operator's passport reviews. */
export function sessionRoutes(ctx: ServiceContext): ServiceRoute[] {
  return [
    {
      method: 'POST',
      path: API_ROUTES.sessions,
      async handle(request) {
        const body = parseOrThrow(createSessionRequestSchema, request.body, 'session request');
        const { hostUserId } = await ctx.identity.verify(body);
        const now = ctx.now().getTime();
        const userId = `${body.host}:${hostUserId}`;
        await ctx.limits.sessions.take(userId);
        const existing = await ctx.store.getUser(userId);
        const user: StoredUser = existing ?? { userId, host: body.host, identityStatus: 'verified', createdAt: now };
        // A passport opens a review for a new user, or a fresh one after a rejection;
        // an identity the host verified, or one under review, stays as it is.
        if (body.passport && (!existing || existing.identityStatus === 'rejected')) {
          const review: StoredReview = {
            reviewId: newId('rev', ctx.crypto),
            userId,
            passport: body.passport,
            submittedAt: now,
            identityStatus: 'pending_review',
          };
          await ctx.store.saveReview(review);
          user.identityStatus = 'pending_review';
          user.reviewId = review.reviewId;
        }
        await ctx.store.saveUser(user);
        const sessionToken = newToken(ctx.crypto);
        const expiresAt = now + ctx.sessionTtlSeconds * 1000;
        await ctx.store.saveSession(sessionToken, { userId, expiresAt });
        const response: CreateSessionResponse = { sessionToken, ...sessionInfo(user, expiresAt) };
        return created(response);
      },
    },
    {
      method: 'GET',
      path: API_ROUTES.currentSession,
      async handle(request) {
        const user = await authenticate(ctx, request);
        return ok(sessionInfo(user, user.sessionExpiresAt));
      },
    },
    {
      method: 'DELETE',
      path: API_ROUTES.currentSession,
      async handle(request) {
        await authenticate(ctx, request);
        await ctx.store.deleteSession(bearerToken(request));
        return noContent();
      },
    },
    {
      method: 'GET',
      path: API_ROUTES.reviews,
      async handle(request) {
        requireOperator(ctx, request);
        const reviews = await ctx.store.listPendingReviews(100);
        const response: ListReviewsResponse = { reviews: reviews.map(reviewJson) };
        return ok(response);
      },
    },
    {
      method: 'POST',
      path: API_ROUTES.review,
      async handle(request) {
        requireOperator(ctx, request);
        const { decision } = parseOrThrow(decideReviewRequestSchema, request.body, 'review decision');
        const review = await ctx.store.getReview(request.params['reviewId'] ?? '');
        if (!review) throw new ApiError('not_found', 'no such review');
        const outcome = decision === 'approve' ? 'verified' : 'rejected';
        if (review.identityStatus !== 'pending_review' && review.identityStatus !== outcome) {
          throw new ApiError('conflict', `review was already decided: ${review.identityStatus}`);
        }
        const now = ctx.now().getTime();
        await ctx.store.saveReview({ ...review, identityStatus: outcome, decidedAt: review.decidedAt ?? now });
        const user = await ctx.store.getUser(review.userId);
        if (user && user.reviewId === review.reviewId) await ctx.store.saveUser({ ...user, identityStatus: outcome });
        const response: DecideReviewResponse = { reviewId: review.reviewId, identityStatus: outcome };
        return ok(response);
      },
    },
  ];
}
