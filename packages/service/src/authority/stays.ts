import { visitsOf, type RiskArea, type RuleSet } from '@healthcode/core/assessment';
import type { Declaration } from '@healthcode/core/declaration';
import { cityDate, windowStart } from '@healthcode/core/declaration';
import { regionPrefix, type AreaQuery, type StoredStay } from './store.js';

/** The stays of a declaration, as the stay index keeps them. */
export function staysOf(subjectId: string, declaration: Declaration): StoredStay[] {
  return visitsOf(declaration).map((v) => ({ subjectId, prefix: regionPrefix(v.region), from: v.from, to: v.to }));
}

const areaKey = (a: RiskArea) => JSON.stringify([a.region, a.level, a.validFrom, a.validUntil]);

/**
 * The areas whose risk a new rule set changes against the old one (added, removed or
 * altered), clipped to the look-back window: only stays there can change a colour.
 * Changes to the other rules (outcomes, thresholds) reach each subject at its next code
 * refresh or declaration instead.
 */
export function changedAreas(previous: RuleSet | undefined, next: RuleSet, now: Date): AreaQuery[] {
  const before = new Set((previous?.riskAreas ?? []).map(areaKey));
  const after = new Set(next.riskAreas.map(areaKey));
  const changed = [...(previous?.riskAreas ?? []).filter((a) => !after.has(areaKey(a))), ...next.riskAreas.filter((a) => !before.has(areaKey(a)))];
  const today = cityDate(now);
  const start = windowStart(today, Math.max(previous?.windowDays ?? 0, next.windowDays));
  return changed
    .map((a) => ({ prefix: regionPrefix(a.region), from: a.validFrom > start ? a.validFrom : start, to: a.validUntil < today ? a.validUntil : today }))
    .filter((a) => a.from <= a.to);
}
