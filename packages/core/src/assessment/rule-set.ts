import * as z from 'zod';
import { HealthCodeError } from '../errors.js';
import { isIsoDate } from '../declaration/calendar.js';
import { isRegionCode } from '../declaration/regions.js';
import { SYMPTOMS } from '../declaration/schema.js';

const isoDate = z.string().refine(isIsoDate, { message: 'expected a YYYY-MM-DD date' });

const outcomeSchema = z.strictObject({
  status: z.enum(['yellow', 'red']),
  quarantineDays: z.number().int().min(1).max(366),
});

const riskAreaSchema = z
  .strictObject({
    region: z.string().refine(isRegionCode, { message: 'expected a GB/T 2260 code' }),
    level: z.enum(['high', 'medium']),
    /** First day (city date) the area has this level, inclusive. */
    validFrom: isoDate,
    /** Last day (city date) the area has this level, inclusive. */
    validUntil: isoDate,
    name: z.string().max(100).optional(),
  })
  .refine((a) => a.validFrom <= a.validUntil, { message: 'validFrom is after validUntil', path: ['validUntil'] });

/**
 * Outcomes of the health authority's facts (format 2). A format-1 rule set has none and
 * gets {@link DEFAULT_FACT_OUTCOMES}; `manual` is the colour and length of a manual
 * status whose operator named neither.
 */
const factOutcomesSchema = z.strictObject({ positiveTest: outcomeSchema, venueExposure: outcomeSchema, manual: outcomeSchema });

/** The zod schema of a rule set: the JSON format of `docs/assessment.md`. */
export const ruleSetSchema = z.strictObject({
  /** Format of the rule set: absent (1) or 2, which adds `facts`. */
  format: z.literal(2).optional(),
  version: z.string().min(1).max(64),
  /** Look-back window for travel and contacts, in city days; day 1 is the declaration day. */
  windowDays: z.number().int().min(1).max(60),
  riskAreas: z.array(riskAreaSchema),
  riskLevels: z.strictObject({ high: outcomeSchema, medium: outcomeSchema }),
  contacts: z.strictObject({ confirmed: outcomeSchema, suspected: outcomeSchema }),
  symptoms: z.strictObject({ triggers: z.array(z.enum(SYMPTOMS).exclude(['none'])), outcome: outcomeSchema }),
  temperature: z.strictObject({ thresholdCelsius: z.number().min(35).max(42), outcome: outcomeSchema }),
  facts: factOutcomesSchema.optional(),
}).refine((r) => r.facts === undefined || r.format === 2, { message: 'facts need "format": 2', path: ['facts'] });

/** Assessment rules as data: risk areas, contact, symptom and temperature rules and their outcomes. */
export type RuleSet = z.infer<typeof ruleSetSchema>;
/** What a rule does when it applies: a colour and a quarantine length in days. */
export type RuleOutcome = z.infer<typeof outcomeSchema>;
/** What the authority's facts do: a positive test, a venue exposure, a manual status. */
export type FactOutcomes = z.infer<typeof factOutcomesSchema>;

/** Fact outcomes of a rule set without `facts` (format 1): positive test red 14 days, venue exposure yellow 7, manual red 14. */
export const DEFAULT_FACT_OUTCOMES: Readonly<FactOutcomes> = Object.freeze({
  positiveTest: { status: 'red', quarantineDays: 14 },
  venueExposure: { status: 'yellow', quarantineDays: 7 },
  manual: { status: 'red', quarantineDays: 14 },
});

/** The fact outcomes `rules` sets, or the defaults for a format-1 rule set. */
export function factOutcomes(rules: RuleSet): FactOutcomes {
  return rules.facts ?? DEFAULT_FACT_OUTCOMES;
}

/** An area with a risk level over an inclusive range of city days. */
export type RiskArea = z.infer<typeof riskAreaSchema>;

/** Thrown by {@link parseRuleSet} for JSON that is not a valid rule set; `issues` lists every problem. */
export class RuleSetError extends HealthCodeError<'rule_set/invalid_rule_set'> {
  readonly issues: readonly { path: string; message: string }[];

  constructor(issues: readonly { path: string; message: string }[]) {
    super('rule_set/invalid_rule_set', `invalid rule set: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.issues = issues;
  }
}

/** Parses and checks a rule set (e.g. from a JSON file); throws {@link RuleSetError}. */
export function parseRuleSet(json: unknown): RuleSet {
  const result = ruleSetSchema.safeParse(json);
  if (result.success) return result.data;
  throw new RuleSetError(result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}
