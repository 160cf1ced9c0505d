import { windowStart } from '../declaration/calendar.js';
import { regionsOverlap } from '../declaration/regions.js';
import type { Declaration } from '../declaration/schema.js';
import type { ReasonCode } from './reasons.js';
import type { RuleOutcome, RuleSet } from './rule-set.js';

/**
 * One rule that applied to one declaration. `key` names the underlying event
 * (a contact on a date, a stay in a risk area up to a day, symptoms on a day):
 * later declarations that repeat the same event carry the same key, so they
 * are not new risk.
 */
export interface Finding extends RuleOutcome {
  code: ReasonCode;
  key: string;
}

/** A stay a declaration reports: a region over an inclusive range of city days. */
export interface Visit {
  region: string;
  from: string;
  to: string;
}

/** Every stay a declaration reports: its travel, and where a returning person came from. */
export function visitsOf(declaration: Declaration): Visit[] {
  const visits = [...declaration.travel.places];
  const r = declaration.returning;
  if (r.isReturning) visits.push({ region: r.origin, from: r.arrivalDate, to: r.arrivalDate });
  return visits;
}

function travelFindings(declaration: Declaration, rules: RuleSet, today: string): Finding[] {
  const start = windowStart(today, rules.windowDays);
  return visitsOf(declaration).flatMap((visit) =>
    rules.riskAreas.flatMap((area) => {
      if (!regionsOverlap(visit.region, area.region)) return [];
      // The days the person was there while the area had its level, inside the window.
      const first = [visit.from, area.validFrom, start].reduce((a, b) => (a > b ? a : b));
      const last = [visit.to, area.validUntil, today].reduce((a, b) => (a < b ? a : b));
      if (first > last) return [];
      const code: ReasonCode = area.level === 'high' ? 'travel_high_risk' : 'travel_medium_risk';
      return [{ code, ...rules.riskLevels[area.level], key: `${code}:${area.region}:${last}` }];
    }),
  );
}

/** Every rule of `rules` that applies to `declaration` made on city day `today`, deduplicated by key. */
export function findingsOf(declaration: Declaration, rules: RuleSet, today: string): Finding[] {
  const findings: Finding[] = [];
  const { health, contacts } = declaration;
  if (contacts.hadContact && contacts.lastContactDate >= windowStart(today, rules.windowDays)) {
    const code: ReasonCode = contacts.caseType === 'confirmed' ? 'contact_confirmed' : 'contact_suspected';
    findings.push({ code, ...rules.contacts[contacts.caseType], key: `${code}:${contacts.lastContactDate}` });
  }
  findings.push(...travelFindings(declaration, rules, today));
  if (health.symptoms.some((s) => s !== 'none' && rules.symptoms.triggers.includes(s))) {
    findings.push({ code: 'symptoms', ...rules.symptoms.outcome, key: `symptoms:${today}` });
  }
  if (health.temperature >= rules.temperature.thresholdCelsius) {
    findings.push({ code: 'fever', ...rules.temperature.outcome, key: `fever:${today}` });
  }
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.key) && seen.add(f.key));
}
