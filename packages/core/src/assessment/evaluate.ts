import { addDays, cityDate, type IsoDate } from '../declaration/calendar.js';
import { type LocalizedText, formatText, localized as t } from '../declaration/locale.js';
import { HEALTH_STATUSES, type HealthStatus } from '../status.js';
import { type DeclarationRecord, declarationEpisodes } from './assess.js';
import { DEFAULT_RULE_SET } from './default-rules.js';
import { type ReasonCode, reason } from './reasons.js';
import { factOutcomes, type RuleSet } from './rule-set.js';

/** A close contact the health authority imported for the person. */
export interface ContactFact {
  caseType: 'confirmed' | 'suspected';
  lastContactDate: IsoDate;
  /** When the authority's batch arrived. */
  recordedAt: Date;
}

/** A test result the health authority imported for the person. */
export interface TestFact {
  sampledAt: Date;
  result: 'negative' | 'positive';
  recordedAt: Date;
}

/**
 * A status an operator set (directly, or by accepting an appeal) and has not lifted.
 * A green one is a correction: it clears every finding known when it was set.
 */
export interface ManualFact {
  status: HealthStatus;
  setAt: Date;
  /** Last city day it applies, inclusive; until lifted when absent. */
  until?: IsoDate;
}

/** What the health authority knows about a person, besides the person's own declarations. */
export interface SubjectFacts {
  contacts?: readonly ContactFact[];
  tests?: readonly TestFact[];
  manual?: readonly ManualFact[];
}

/** Inputs of {@link evaluateStatus}: everything the colour is a function of. */
export interface EvaluateInput {
  /** The person's declarations of the look-back period, any order. */
  declarations: readonly DeclarationRecord[];
  facts?: SubjectFacts;
  /** The rule set in force (default {@link DEFAULT_RULE_SET}). */
  rules?: RuleSet;
  now: Date;
}

/** One active finding: why, since which city day, and what clears it, in every locale. */
export interface StatusReason {
  code: ReasonCode;
  status: Exclude<HealthStatus, 'green'>;
  message: LocalizedText;
  since: IsoDate;
  clears: LocalizedText;
}

/** The colour of a person now, with its reasons (most severe first) and the latest negative test. */
export interface Evaluation {
  status: HealthStatus;
  reasons: StatusReason[];
  ruleSetVersion: string;
  lastNegativeTestAt?: Date;
}

const CLEARS = {
  declareDaily: t('若每天申报，{date} 起转为绿码。', 'Green on {date} if you declare every day.', '若每日申報，{date} 起轉為綠碼。'),
  quarantineEnds: t('{date} 隔离期满后解除。', 'Clears on {date}, at the end of the quarantine.', '{date} 隔離期滿後解除。'),
  negativeTestAfter: t('{date} 之后采样的核酸阴性结果可解除。', 'Cleared by a negative test sampled after {date}.', '{date} 之後採樣的核酸陰性結果可解除。'),
  manualUntil: t('至 {date}，或由工作人员提前解除。', 'Until {date}, or until an operator lifts it.', '至 {date}，或由工作人員提前解除。'),
  manualLifted: t('直至工作人员解除。', 'Until an operator lifts it.', '直至工作人員解除。'),
} as const;

/** An active finding before it is put in words; `knownAt` orders it against corrections. */
interface Active {
  code: ReasonCode;
  status: HealthStatus;
  since: IsoDate;
  clears: LocalizedText;
  knownAt: number;
}

const severity = (s: HealthStatus): number => HEALTH_STATUSES.indexOf(s);
const latest = <T>(items: readonly T[], time: (item: T) => number): T | undefined =>
  items.reduce<T | undefined>((best, item) => (best === undefined || time(item) > time(best) ? item : best), undefined);

function contactFindings(contacts: readonly ContactFact[], rules: RuleSet, today: IsoDate): Active[] {
  return contacts.flatMap((c) => {
    const outcome = rules.contacts[c.caseType];
    const clearsOn = addDays(c.lastContactDate, outcome.quarantineDays);
    if (today >= clearsOn) return [];
    const code: ReasonCode = c.caseType === 'confirmed' ? 'contact_confirmed' : 'contact_suspected';
    return [{ code, status: outcome.status, since: c.lastContactDate, clears: formatText(CLEARS.quarantineEnds, { date: clearsOn }), knownAt: c.recordedAt.getTime() }];
  });
}

function testFindings(tests: readonly TestFact[], rules: RuleSet): Active[] {
  const positive = latest(
    tests.filter((x) => x.result === 'positive'),
    (x) => x.sampledAt.getTime(),
  );
  if (!positive || tests.some((x) => x.result === 'negative' && x.sampledAt > positive.sampledAt)) return [];
  const since = cityDate(positive.sampledAt);
  const { status } = factOutcomes(rules).positiveTest;
  return [{ code: 'test_positive', status, since, clears: formatText(CLEARS.negativeTestAfter, { date: since }), knownAt: positive.recordedAt.getTime() }];
}

function manualFindings(manual: readonly ManualFact[], today: IsoDate): Active[] {
  return manual
    .filter((m) => m.status !== 'green' && (m.until === undefined || today <= m.until))
    .map((m) => ({
      code: 'manual' as const,
      status: m.status,
      since: cityDate(m.setAt),
      clears: m.until === undefined ? CLEARS.manualLifted : formatText(CLEARS.manualUntil, { date: m.until }),
      knownAt: m.setAt.getTime(),
    }));
}

/**
 * The colour of a person at `now`: a pure function of the person's declarations, the
 * authority's facts and the rule set in force, so it can be recomputed whenever any of
 * them changes. Each active finding becomes a reason with its clearing condition; a green
 * manual status (a correction) clears every finding known when it was set. Never names
 * the person: reasons carry codes, dates and the rule set's numbers only.
 *
 * @example
 * ```ts
 * import { DEFAULT_RULE_SET, evaluateStatus } from '@healthcode/core/assessment';
 *
 * const tests = [{ sampledAt: new Date('2026-12-01T08:00:00Z'), result: 'negative' as const, recordedAt: new Date() }];
 * const { status, reasons } = evaluateStatus({ declarations: [], facts: { tests }, rules: DEFAULT_RULE_SET, now: new Date() });
 * ```
 */
export function evaluateStatus(input: EvaluateInput): Evaluation {
  const rules = input.rules ?? DEFAULT_RULE_SET;
  const today = cityDate(input.now);
  const facts = input.facts ?? {};
  const nowMs = input.now.getTime();
  const current = <T>(items: readonly T[] | undefined, at: (item: T) => Date) => (items ?? []).filter((item) => at(item).getTime() <= nowMs);
  const tests = current(facts.tests, (x) => x.recordedAt);
  const manual = current(facts.manual, (m) => m.setAt);
  const declared: Active[] = declarationEpisodes(input.declarations, rules, input.now).map((e) => ({
    code: e.finding.code,
    status: e.finding.status,
    since: e.day,
    clears: formatText(CLEARS.declareDaily, { date: addDays(e.day, e.finding.quarantineDays) }),
    knownAt: e.declaredAt.getTime(),
  }));
  const correction = latest(
    manual.filter((m) => m.status === 'green' && (m.until === undefined || today <= m.until)),
    (m) => m.setAt.getTime(),
  );
  const active = [
    ...declared,
    ...contactFindings(current(facts.contacts, (c) => c.recordedAt), rules, today),
    ...testFindings(tests, rules),
    ...manualFindings(manual, today),
  ].filter((a) => a.status !== 'green' && (correction === undefined || a.knownAt > correction.setAt.getTime()));
  const ranked = active.sort((a, b) => severity(b.status) - severity(a.status) || (a.since < b.since ? 1 : a.since > b.since ? -1 : 0));
  const params = { days: rules.windowDays, threshold: rules.temperature.thresholdCelsius };
  const seen = new Set<ReasonCode>();
  const reasons: StatusReason[] = ranked
    .filter((a) => !seen.has(a.code) && seen.add(a.code))
    .map((a) => ({ code: a.code, status: a.status as StatusReason['status'], message: reason(a.code, params).message, since: a.since, clears: a.clears }));
  const negative = latest(
    tests.filter((x) => x.result === 'negative'),
    (x) => x.sampledAt.getTime(),
  );
  return {
    status: reasons[0]?.status ?? 'green',
    reasons,
    ruleSetVersion: rules.version,
    ...(negative ? { lastNegativeTestAt: negative.sampledAt } : {}),
  };
}
