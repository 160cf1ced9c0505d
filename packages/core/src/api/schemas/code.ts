import * as z from 'zod';
import { healthStatusSchema, idSchema, isoDateTimeSchema } from './common.js';

/** Text in each locale (`zh-CN`, `en`, `zh-HK`). */
const localizedTextSchema = z.record(z.string(), z.string());

/** One reason of a colour: a stable code, its text, the city day since which it applies and what clears it. */
export const statusReasonSchema = z.object({
  code: z.string().min(1),
  message: localizedTextSchema,
  /** City day (YYYY-MM-DD). */
  since: z.string(),
  clears: localizedTextSchema,
});
/** One reason of a colour. */
export type StatusReasonJson = z.infer<typeof statusReasonSchema>;

/** Masked display data carried in a code: never a full name or document number. */
export const codeDisplaySchema = z.object({
  name: z.string(),
  documentTail: z.string().optional(),
});

/** Body of `GET /v1/code`, also embedded in the answer to `POST /v1/declarations`. */
export const codeResponseSchema = z.object({
  /** Text to encode in the QR symbol. */
  qrText: z.string().min(1),
  status: healthStatusSchema,
  codeId: idSchema,
  issuedAt: isoDateTimeSchema,
  /** After this instant verifiers reject the code. */
  expiresAt: isoDateTimeSchema,
  /** When a client should fetch a fresh code (before `expiresAt`, so scanning never meets an expired one). */
  refreshAfter: isoDateTimeSchema,
  display: codeDisplaySchema,
  /** Why the colour is not green: each active finding, since when and what clears it (empty when green). */
  reasons: z.array(statusReasonSchema).optional(),
  /** When the holder's last negative test was sampled, as the code carries it. */
  negativeTestAt: isoDateTimeSchema.optional(),
});
/** Body of `GET /v1/code`. */
export type CodeResponse = z.infer<typeof codeResponseSchema>;

/** Body of `GET /v1/trust-list`. */
export const trustListResponseSchema = z.object({
  /** Compact JWS over the trust list, signed with the root key clients are configured with. */
  signed: z.string().min(1),
});
/** Body of `GET /v1/trust-list`. */
export type TrustListResponse = z.infer<typeof trustListResponseSchema>;

/**
 * `VerifyResult` as JSON (dates as ISO strings). `reason` is one of the verifier's
 * failure reasons, e.g. `expired`, `bad_signature`, `unknown_key`.
 */
export const verifyResultJsonSchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    status: healthStatusSchema,
    issuer: z.object({ id: z.string(), name: z.string() }),
    region: z.string(),
    subject: z.string(),
    codeId: z.string(),
    issuedAt: isoDateTimeSchema,
    expiresAt: isoDateTimeSchema,
    display: codeDisplaySchema,
    keyId: z.string(),
    negativeTestAt: isoDateTimeSchema.optional(),
  }),
  z.object({ valid: z.literal(false), reason: z.string(), message: z.string() }),
]);
/** A verification result as JSON. */
export type VerifyResultJson = z.infer<typeof verifyResultJsonSchema>;

/**
 * Body of `POST /v1/checkins`: a venue scanned someone's code. `scannerToken` is the
 * venue's scanner credential (from `POST /v1/orgs/:orgId/venues`); it alone authorises
 * the check-in. It is optional here only so that a missing one is answered `forbidden`
 * like a wrong one.
 */
export const checkinRequestSchema = z.object({
  venueId: idSchema,
  qrText: z.string().min(1).max(4096),
  scannerToken: z.string().min(1).max(256).optional(),
});
/** Body of `POST /v1/checkins`. */
export type CheckinRequest = z.infer<typeof checkinRequestSchema>;

/** Answer to `POST /v1/checkins`: the recorded check-in and what verification found. */
export const checkinResponseSchema = z.object({
  checkinId: idSchema,
  venueId: idSchema,
  checkedInAt: isoDateTimeSchema,
  result: verifyResultJsonSchema,
});
/** Answer to `POST /v1/checkins`. */
export type CheckinResponse = z.infer<typeof checkinResponseSchema>;
