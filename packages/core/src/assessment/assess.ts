import { cityDate } from '../declaration/calendar.js';
import type { Declaration } from '../declaration/schema.js';
import { HEALTH_STATUSES, type HealthStatus } from '../status.js';
import { DEFAULT_RULE_SET } from './default-rules.js';
import { findingsOf } from './findings.js';
import { type AssessmentReason, reason } from './reasons.js';
import { type Episode, type RecordDay, activeEpisodes } from './recovery.js';
import type { RuleSet } from './rule-set.js';

/** A past declaration of the same person, with the time it was made. */
export interface DeclarationRecord {
  declaredAt: Date;
  declaration: Declaration;
}

/** Options of {@link assessDeclaration}. */
export interface AssessOptions {
  /** The rules (default {@link DEFAULT_RULE_SET}). */
  rules?: RuleSet;
  /** The time of the declaration being assessed. */
  now: Date;
  /** The person's earlier declarations, in any order; those after `now` are ignored. */
  history?: readonly DeclarationRecord[];
}

/** The colour a declaration earns, why, and under which rules. */
export interface Assessment {
  status: HealthStatus;
  /** Quarantine length of the rules that set the colour; 0 when green. */
  quarantineDays: number;
  /** One per rule behind the colour, most severe first; empty when green. */
  reasons: AssessmentReason[];
  ruleSetVersion: string;
}

const severity = (s: HealthStatus): number => HEALTH_STATUSES.indexOf(s);

/**
 * Assesses a valid declaration made at `now` (the output of
 * `validateDeclaration`) together with the person's earlier ones. Pure and
 * deterministic: the same inputs always give the same assessment. Days are
 * the city's (Asia/Shanghai); the recovery rule is described in
 * `docs/assessment.md`.
 */
export function assessDeclaration(declaration: Declaration, opts: AssessOptions): Assessment {
  const rules = opts.rules ?? DEFAULT_RULE_SET;
  const active = declarationEpisodes([...(opts.history ?? []), { declaredAt: opts.now, declaration }], rules, opts.now);
  return summarize(active, rules);
}

/**
 * The episodes still active at `now` in a person's declarations (any order; those after
 * `now` are ignored), each with the instant of the declaration that first reported it.
 */
export function declarationEpisodes(
  declarations: readonly DeclarationRecord[],
  rules: RuleSet,
  now: Date,
): Array<Episode & { declaredAt: Date }> {
  const entries = declarations
    .filter((h) => h.declaredAt.getTime() <= now.getTime())
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => a.declaredAt.getTime() - b.declaredAt.getTime() || a.order - b.order);
  const seen = new Set<string>();
  const firstReported = new Map<string, Date>();
  const record: RecordDay[] = entries.map((entry) => {
    const day = cityDate(entry.declaredAt);
    const newFindings = findingsOf(entry.declaration, rules, day).filter((f) => !seen.has(f.key));
    for (const f of newFindings) {
      seen.add(f.key);
      firstReported.set(f.key, entry.declaredAt);
    }
    return { day, newFindings };
  });
  return activeEpisodes(record, cityDate(now)).map((e) => ({ ...e, declaredAt: firstReported.get(e.finding.key)! }));
}

function summarize(active: readonly Episode[], rules: RuleSet): Assessment {
  if (active.length === 0) return { status: 'green', quarantineDays: 0, reasons: [], ruleSetVersion: rules.version };
  const ranked = [...active].sort(
    (a, b) => severity(b.finding.status) - severity(a.finding.status) || b.finding.quarantineDays - a.finding.quarantineDays,
  );
  const top = ranked[0]!.finding;
  const params = { days: rules.windowDays, threshold: rules.temperature.thresholdCelsius };
  const codes = [...new Set(ranked.map((e) => e.finding.code))];
  return {
    status: top.status,
    quarantineDays: top.quarantineDays,
    reasons: codes.map((code) => reason(code, params)),
    ruleSetVersion: rules.version,
  };
}
