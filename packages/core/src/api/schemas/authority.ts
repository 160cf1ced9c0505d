import * as z from 'zod';
import { healthStatusSchema, idSchema, isoDateTimeSchema } from './common.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
const note = z.string().max(500);

/** Body of `POST /v1/operators` (administrator token). */
export const createOperatorRequestSchema = z.object({ name: z.string().trim().min(1).max(100) });
/** Answer (`201`) to `POST /v1/operators`: the token is shown this once; the service keeps only its hash. */
export const createOperatorResponseSchema = z.object({ operatorId: idSchema, name: z.string(), token: z.string().min(32), createdAt: isoDateTimeSchema });
/** Answer to `POST /v1/operators`. */
export type CreateOperatorResponse = z.infer<typeof createOperatorResponseSchema>;

/** What a re-evaluation after a change did: subjects evaluated, changed, made worse, codes revoked. */
export const reevaluationSchema = z.object({
  evaluated: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  worsened: z.number().int().nonnegative(),
  revokedCodes: z.number().int().nonnegative(),
});

/** Answer (`201`) to `POST /v1/authority/rule-sets`. */
export const publishRuleSetResponseSchema = z.object({ version: z.string(), publishedAt: isoDateTimeSchema, reevaluation: reevaluationSchema });

/** An identity document as a batch line or a manual status names it; hashed to a subject id on arrival. */
export const identityDocumentInputSchema = z.strictObject({
  type: z.string().min(1).max(40),
  number: z.string().min(1).max(40),
  nationality: z.string().min(2).max(3).optional(),
});

/** One line of a `contacts` batch: the person (document or subject id), the case type, the day of last contact, the source. */
export const contactLineSchema = z.strictObject({
  identityDocument: identityDocumentInputSchema.optional(),
  subjectId: z.string().min(8).max(64).optional(),
  caseType: z.enum(['confirmed', 'suspected']),
  lastContactDate: isoDay,
  source: z.string().min(1).max(100),
});
/** One line of a `tests` batch. */
export const testLineSchema = z.strictObject({
  identityDocument: identityDocumentInputSchema.optional(),
  subjectId: z.string().min(8).max(64).optional(),
  sampledAt: isoDateTimeSchema,
  result: z.enum(['negative', 'positive']),
  labId: z.string().min(1).max(64),
});

/** Most lines one batch may hold (and the body limit applies too). */
export const MAX_BATCH_LINES = 5000;

/** Body of `POST /v1/authority/batches`; every line is checked, and the batch is accepted or refused whole. */
export const batchRequestSchema = z.object({
  batchId: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'batch id must be 1-64 of A-Z a-z 0-9 . _ : -'),
  kind: z.enum(['contacts', 'tests']),
  lines: z.array(z.unknown()).min(1).max(MAX_BATCH_LINES),
});
/** Answer (`201`, or `200` for a re-sent batch id) to `POST /v1/authority/batches`. */
export const batchResponseSchema = z.object({
  batchId: z.string(),
  kind: z.enum(['contacts', 'tests']),
  lines: z.number().int(),
  subjects: z.number().int(),
  receivedAt: isoDateTimeSchema,
  /** True when this batch id had been accepted before: nothing changed. */
  duplicate: z.boolean(),
  reevaluation: reevaluationSchema.optional(),
});
/** `details` of the `validation_failed` answer to a refused batch: every bad line, numbered from 1. */
export const batchErrorDetailsSchema = z.object({
  lines: z.array(z.object({ line: z.number().int().positive(), code: z.string(), message: z.string() })),
});

/** Body of `POST /v1/authority/statuses`: a status for a person, why, until when, and the operator's note. */
export const setStatusRequestSchema = z.object({
  identityDocument: identityDocumentInputSchema,
  status: healthStatusSchema,
  reason: z.string().min(1).max(200),
  until: isoDay.optional(),
  note: note.optional(),
});
/** A manual status as the operator sees it (the person only as a subject id). */
export const manualStatusSchema = z.object({
  statusId: idSchema,
  subjectId: z.string(),
  status: healthStatusSchema,
  reason: z.string(),
  until: isoDay.optional(),
  setAt: isoDateTimeSchema,
  liftedAt: isoDateTimeSchema.optional(),
  reevaluation: reevaluationSchema.optional(),
});

/** Reason categories of an appeal. */
export const APPEAL_CATEGORIES = ['wrong_travel', 'wrong_contact', 'wrong_test', 'wrong_person', 'other'] as const;

/** Body of `POST /v1/appeals` (session token): an appeal against the current colour. */
export const fileAppealRequestSchema = z.object({ category: z.enum(APPEAL_CATEGORIES), text: z.string().trim().min(1).max(1000) });
/** An appeal and its decision, as the holder and the operator see it. */
export const appealSchema = z.object({
  appealId: idSchema,
  category: z.enum(APPEAL_CATEGORIES),
  text: z.string(),
  /** The colour appealed against. */
  status: healthStatusSchema,
  state: z.enum(['pending', 'accepted', 'rejected']),
  filedAt: isoDateTimeSchema,
  decidedAt: isoDateTimeSchema.optional(),
  note: z.string().optional(),
  /** Operator views: seconds since filing (pending) or from filing to decision. */
  ageSeconds: z.number().int().nonnegative().optional(),
});
/** An appeal as JSON. */
export type AppealJson = z.infer<typeof appealSchema>;

/** Body of `POST /v1/authority/appeals/:appealId`: accept with a status correction, or reject with a note. */
export const decideAppealRequestSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), correction: z.object({ status: healthStatusSchema, until: isoDay.optional() }), note: note.optional() }),
  z.object({ decision: z.literal('reject'), note: note.min(1) }),
]);

/** One page of a list; pass `nextCursor` as `?cursor=` for the next one (absent on the last). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().optional() });
}

/** One entry of the authority's audit log. */
export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: isoDateTimeSchema,
  actor: z.object({ operatorId: z.string(), name: z.string() }),
  action: z.string(),
  target: z.string(),
  reason: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
