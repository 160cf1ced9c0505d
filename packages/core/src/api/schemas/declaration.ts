import * as z from 'zod';
import { healthStatusSchema, idSchema, isoDateTimeSchema } from './common.js';
import { codeResponseSchema } from './code.js';

/**
 * A form descriptor as served by `GET /v1/form`: its `version` plus the fields
 * `buildFormDescriptor` produces (kept open here so the form can grow without a
 * new API version).
 */
export const formResponseSchema = z.looseObject({ version: z.string().min(1) });
/** Body of `GET /v1/form` and `GET /v1/form/:version`. */
export type FormResponse = z.infer<typeof formResponseSchema>;

/** Body of `POST /v1/declarations`. `answers` is checked by `validateDeclaration` against `formVersion`. */
export const submitDeclarationRequestSchema = z.object({
  formVersion: z.string().min(1).max(32),
  answers: z.unknown(),
});
/** Body of `POST /v1/declarations`. */
export type SubmitDeclarationRequest = z.infer<typeof submitDeclarationRequestSchema>;

/** An assessment as JSON: the status a declaration earns and why. */
export const assessmentJsonSchema = z.object({
  status: healthStatusSchema,
  quarantineDays: z.number().int().nonnegative(),
  reasons: z.array(z.object({ code: z.string(), message: z.record(z.string(), z.string()) })),
  ruleSetVersion: z.string(),
});
/** An assessment as JSON. */
export type AssessmentJson = z.infer<typeof assessmentJsonSchema>;

/** Answer (`201`) to `POST /v1/declarations`; a repeated `Idempotency-Key` gets the same body again. */
export const submitDeclarationResponseSchema = z.object({
  declarationId: idSchema,
  declaredAt: isoDateTimeSchema,
  assessment: assessmentJsonSchema,
  code: codeResponseSchema,
});
/** Answer to `POST /v1/declarations`. */
export type SubmitDeclarationResponse = z.infer<typeof submitDeclarationResponseSchema>;

/** `details` of a `validation_failed` error: every issue the declaration has. */
export const validationFailedDetailsSchema = z.object({
  issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});
/** `details` of a `validation_failed` error. */
export type ValidationFailedDetails = z.infer<typeof validationFailedDetailsSchema>;
