import * as z from 'zod';
import { withMeta } from './field-meta.js';
import {
  DECLARATION_WINDOW_DAYS,
  type SchemaContext,
  dateSchema,
  districtSchema,
  nameSchema,
  phoneSchema,
  regionSchema,
} from './fields.js';
import { createIdentityDocumentSchema } from './identity/schema.js';
import { reportIssue } from './issue-codes.js';

/** Symptoms a declaration can report; `none` excludes every other. */
export const SYMPTOMS = [
  'none',
  'fever',
  'cough',
  'sore_throat',
  'fatigue',
  'shortness_of_breath',
  'loss_of_taste_or_smell',
  'diarrhoea',
] as const;

/** One of {@link SYMPTOMS}. */
export type Symptom = (typeof SYMPTOMS)[number];

/** Plausible body temperatures in °C; anything outside is a typing mistake. */
export const TEMPERATURE_RANGE = { min: 34, max: 43 } as const;

/** How many places a travel history may list. */
export const MAX_TRAVEL_PLACES = 20;

/** Means of transport of a return to the city. */
export const TRANSPORT_MODES = ['train', 'flight', 'coach', 'car', 'ship', 'other'] as const;

/** Kinds of case a person may have been in contact with. */
export const CONTACT_CASE_TYPES = ['confirmed', 'suspected'] as const;

function symptomsSchema() {
  const schema = z
    .array(z.enum(SYMPTOMS))
    .min(1)
    .superRefine((list, ctx) => {
      if (new Set(list).size !== list.length) reportIssue(ctx, 'duplicate_option');
      else if (list.includes('none') && list.length > 1) reportIssue(ctx, 'exclusive_option');
    });
  return withMeta(schema, { exclusiveOptions: ['none'] });
}

function placeSchema(ctx: SchemaContext) {
  return z
    .strictObject({
      region: regionSchema(),
      from: dateSchema(ctx, { inWindow: false }),
      to: dateSchema(ctx, { inWindow: true }),
    })
    .superRefine((place, rctx) => {
      if (place.from > place.to) reportIssue(rctx, 'invalid_range', { path: ['to'] });
    });
}

/**
 * Schemas of the top-level answers, one factory per key. Form versions pick
 * from these; the descriptor, the validator and the `Declaration` type are all
 * derived from them.
 */
export const declarationParts = {
  person: () => z.strictObject({ name: nameSchema() }),
  identityDocument: createIdentityDocumentSchema,
  phone: phoneSchema,
  district: districtSchema,
  health: () =>
    z.strictObject({
      temperature: withMeta(z.number().min(TEMPERATURE_RANGE.min).max(TEMPERATURE_RANGE.max), { unit: '°C', step: 0.1 }),
      symptoms: symptomsSchema(),
    }),
  travel: (ctx: SchemaContext) => z.strictObject({ places: z.array(placeSchema(ctx)).max(MAX_TRAVEL_PLACES) }),
  contacts: (ctx: SchemaContext) =>
    z.discriminatedUnion('hadContact', [
      z.strictObject({ hadContact: z.literal(false) }),
      z.strictObject({
        hadContact: z.literal(true),
        caseType: z.enum(CONTACT_CASE_TYPES),
        lastContactDate: dateSchema(ctx, { inWindow: true }),
      }),
    ]),
  returning: (ctx: SchemaContext) =>
    z.discriminatedUnion('isReturning', [
      z.strictObject({ isReturning: z.literal(false) }),
      z.strictObject({
        isReturning: z.literal(true),
        arrivalDate: dateSchema(ctx, { inWindow: true }),
        origin: regionSchema(),
        transport: z.enum(TRANSPORT_MODES),
        transportNumber: z
          .string()
          .max(16)
          .regex(/^[A-Za-z0-9]+$/)
          .optional(),
      }),
    ]),
} satisfies Record<string, (ctx: SchemaContext) => z.ZodType>;

/** A top-level key of a declaration. */
export type DeclarationKey = keyof typeof declarationParts;

type PartSchemas = { [K in DeclarationKey]: ReturnType<(typeof declarationParts)[K]> };

/** A valid declaration in the shape of the current form version. */
export type Declaration = z.infer<z.ZodObject<PartSchemas>>;

/** Builds the object schema of the given top-level keys. */
export function partsSchema(keys: readonly DeclarationKey[], ctx: SchemaContext): z.ZodObject {
  return z.strictObject(Object.fromEntries(keys.map((key) => [key, declarationParts[key](ctx)])));
}

/** Options of {@link createDeclarationSchema}. */
export interface DeclarationSchemaOptions {
  /** The declaration time (default: the time of each parse). */
  now?: () => Date;
}

/** The schema of a complete declaration of the current form version. */
export function createDeclarationSchema(opts: DeclarationSchemaOptions = {}): z.ZodType<Declaration> {
  const ctx: SchemaContext = { now: opts.now ?? (() => new Date()), windowDays: DECLARATION_WINDOW_DAYS };
  return partsSchema(Object.keys(declarationParts) as DeclarationKey[], ctx) as unknown as z.ZodType<Declaration>;
}

/**
 * The declaration schema of the current form version, checking dates against
 * the time of each parse. Prefer `validateDeclaration`, which adds versions,
 * a fixed declaration time and localized issues.
 */
export const declarationSchema: z.ZodType<Declaration> = createDeclarationSchema();
