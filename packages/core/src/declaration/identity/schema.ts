import * as z from 'zod';
import { withMeta } from '../field-meta.js';
import { type SchemaContext, today } from '../fields.js';
import { reportIssue } from '../issue-codes.js';
import { checkForeignPermanentResidentIdNumber } from './foreign-permanent-resident-id.js';
import { checkHkMacauPermitNumber } from './hk-macau-permit.js';
import { checkNationality, checkPassportNumber } from './passport.js';
import type { IdentityCheckContext, IdentityProblem } from './problem.js';
import { checkResidentIdNumber } from './resident-id-card.js';
import { checkTaiwanPermitNumber } from './taiwan-permit.js';

/** The identity documents a declaration accepts, in the order a form lists them. */
export const IDENTITY_DOCUMENT_TYPES = [
  'resident_id_card',
  'passport',
  'hk_macau_permit',
  'taiwan_permit',
  'foreign_permanent_resident_id',
] as const;

/** One of {@link IDENTITY_DOCUMENT_TYPES}. */
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

type NumberCheck = (value: string, ctx: IdentityCheckContext) => IdentityProblem | undefined;

function checkedString(ctx: SchemaContext, check: NumberCheck): z.ZodString {
  return z
    .string()
    .min(1)
    .superRefine((value, rctx) => {
      const problem = check(value, { today: today(ctx) });
      if (problem) reportIssue(rctx, problem);
    });
}

/** The identity document, a union discriminated by `type`; each type has its own number rules. */
export function createIdentityDocumentSchema(ctx: SchemaContext) {
  return z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('resident_id_card'), number: checkedString(ctx, checkResidentIdNumber) }),
    z.strictObject({
      type: z.literal('passport'),
      nationality: withMeta(checkedString(ctx, checkNationality), { input: 'country' }),
      number: checkedString(ctx, checkPassportNumber),
    }),
    z.strictObject({ type: z.literal('hk_macau_permit'), number: checkedString(ctx, checkHkMacauPermitNumber) }),
    z.strictObject({ type: z.literal('taiwan_permit'), number: checkedString(ctx, checkTaiwanPermitNumber) }),
    z.strictObject({
      type: z.literal('foreign_permanent_resident_id'),
      number: checkedString(ctx, checkForeignPermanentResidentIdNumber),
    }),
  ]);
}

/** A validated identity document. */
export type IdentityDocument = z.infer<ReturnType<typeof createIdentityDocumentSchema>>;
