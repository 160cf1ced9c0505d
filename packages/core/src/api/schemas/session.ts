import * as z from 'zod';
import { idSchema, isoDateTimeSchema } from './common.js';

/**
 * A foreign passport, for people the host cannot verify by real name. A session
 * created with one stays `pending_review` until an operator approves it.
 */
export const passportSchema = z.object({
  /** As printed, letters and digits. */
  number: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{5,17}$/, 'passport number: 5 to 17 letters or digits'),
  /** ISO 3166-1 alpha-3 code of the issuing state, e.g. `FRA`. */
  nationality: z.string().regex(/^[A-Z]{3}$/, 'nationality: ISO 3166-1 alpha-3 code'),
  /** Name as in the machine-readable zone. */
  name: z.string().trim().min(1).max(100),
});
/** A foreign passport submitted for manual review. */
export type Passport = z.infer<typeof passportSchema>;

/** Body of `POST /v1/sessions`. */
export const createSessionRequestSchema = z.object({
  /** Host family that issued `authCode`, e.g. `wechat`, `alipay`, `suishenban`, `dev`. */
  host: z.string().regex(/^[a-z0-9-]{1,32}$/, 'host: 1 to 32 lower-case letters, digits or dashes'),
  /** One-time code from `Host.identity.getAuthCode()`. */
  authCode: z.string().min(1).max(1024),
  /** One-time ticket from `Host.identity.verifyRealName()`, when the host offers it. */
  realNameTicket: z.string().min(1).max(1024).optional(),
  /** For foreigners: registers the passport for manual review. */
  passport: passportSchema.optional(),
});
/** Body of `POST /v1/sessions`. */
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

/** `verified` (may declare), `pending_review` (waiting for an operator), `rejected`. */
export const identityStatusSchema = z.enum(['verified', 'pending_review', 'rejected']);
/** Where a user's identity stands. */
export type IdentityStatus = z.infer<typeof identityStatusSchema>;

/** Body of `GET /v1/sessions/current`. */
export const sessionInfoSchema = z.object({
  identityStatus: identityStatusSchema,
  expiresAt: isoDateTimeSchema,
  /** Present while a passport registration is pending or after it was decided. */
  reviewId: idSchema.optional(),
});
/** Body of `GET /v1/sessions/current`. */
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** Body of the `201` answer to `POST /v1/sessions`. */
export const createSessionResponseSchema = sessionInfoSchema.extend({
  /** Send as `Authorization: Bearer <sessionToken>`. */
  sessionToken: z.string().min(16),
});
/** Body of the `201` answer to `POST /v1/sessions`. */
export type CreateSessionResponse = z.infer<typeof createSessionResponseSchema>;

/** One passport registration waiting for (or past) manual review, as an operator sees it. */
export const reviewSchema = z.object({
  reviewId: idSchema,
  submittedAt: isoDateTimeSchema,
  passport: passportSchema,
  identityStatus: identityStatusSchema,
});
/** One passport registration under review. */
export type Review = z.infer<typeof reviewSchema>;

/** Body of `GET /v1/reviews` (operator): registrations still pending. */
export const listReviewsResponseSchema = z.object({ reviews: z.array(reviewSchema) });
/** Body of `GET /v1/reviews`. */
export type ListReviewsResponse = z.infer<typeof listReviewsResponseSchema>;

/** Body of `POST /v1/reviews/:reviewId` (operator). */
export const decideReviewRequestSchema = z.object({ decision: z.enum(['approve', 'reject']) });
/** Body of `POST /v1/reviews/:reviewId`. */
export type DecideReviewRequest = z.infer<typeof decideReviewRequestSchema>;

/** Answer to `POST /v1/reviews/:reviewId`. */
export const decideReviewResponseSchema = z.object({ reviewId: idSchema, identityStatus: identityStatusSchema });
/** Answer to `POST /v1/reviews/:reviewId`. */
export type DecideReviewResponse = z.infer<typeof decideReviewResponseSchema>;
