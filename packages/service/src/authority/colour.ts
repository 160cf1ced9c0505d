import type { HealthStatus } from '@healthcode/core';
import { DEFAULT_RULE_SET, evaluateStatus, type DeclarationRecord, type Evaluation, type RuleSet } from '@healthcode/core/assessment';
import type { Declaration } from '@healthcode/core/declaration';
import { HEALTH_STATUSES } from '@healthcode/core';
import { boundedMap, type CodeIssuer } from '../keys/code-issuer.js';
import type { Keyring, RevokedCode } from '../keys/keyring.js';
import type { ServiceStore } from '../store/store.js';
import type { AuthorityStore, EvaluationJson } from './store.js';

/** How far back declarations count for the colour (as for the declaration's own assessment). */
export const HISTORY_DAYS = 28;

/** Options of {@link createColour}. */
export interface ColourOptions {
  store: ServiceStore;
  authority: AuthorityStore;
  keyring: Keyring;
  /** The issuer, reached late: it is made with this module's {@link Colour.codeColour}. */
  codes: () => CodeIssuer;
  /** Rules in force until the authority publishes a rule set. */
  rules: RuleSet | undefined;
  now: () => Date;
  /**
   * How long the rule set in force and the last evaluations read from the store stay
   * cached; default for ever (this process makes every change). Short when other
   * processes share the store and may publish a rule set or record evaluations.
   */
  cacheMs?: number;
}

/** What one re-evaluation did. */
export interface ReevaluationReport {
  evaluated: number;
  changed: number;
  worsened: number;
  revokedCodes: number;
}

const severity = (s: HealthStatus) => HEALTH_STATUSES.indexOf(s);

export function evaluationToJson(e: Evaluation): EvaluationJson {
  const { lastNegativeTestAt, ...rest } = e;
  return lastNegativeTestAt ? { ...rest, lastNegativeTestAt: lastNegativeTestAt.getTime() } : rest;
}

const sameColour = (a: EvaluationJson, b: EvaluationJson) =>
  a.status === b.status && a.lastNegativeTestAt === b.lastNegativeTestAt && JSON.stringify(a.reasons) === JSON.stringify(b.reasons);

/**
 * The colour as a function, recomputed: status = f(declarations, authority facts, rule set
 * in force, now). Evaluates one subject from the stores, and re-evaluates the subjects a
 * change concerns: a colour that got worse revokes the subject's outstanding codes, and
 * every changed holder's next `GET /v1/code` is signed afresh.
 */
export function createColour(options: ColourOptions) {
  let rulesInForce: Promise<RuleSet> | undefined;
  let rulesReadAt = 0;
  // The last evaluation per subject, so `GET /v1/code` reads no store for its reasons. Every
  // evaluation is stored through `record`, which keeps this in step within one process; off
  // when processes share the store, as another may have recorded a newer one.
  const known = boundedMap<string, EvaluationJson>(options.cacheMs === undefined ? 100_000 : 0);

  function rules(): Promise<RuleSet> {
    if (rulesInForce && Date.now() - rulesReadAt < (options.cacheMs ?? Infinity)) return rulesInForce;
    rulesReadAt = Date.now();
    rulesInForce = options.authority.currentRuleSet().then(
      (stored) => stored?.ruleSet ?? options.rules ?? DEFAULT_RULE_SET,
      (error: unknown) => {
        rulesInForce = undefined;
        throw error;
      },
    );
    return rulesInForce;
  }

  async function evaluate(subjectId: string, pending?: DeclarationRecord): Promise<Evaluation> {
    const now = options.now();
    const since = now.getTime() - HISTORY_DAYS * 86_400_000;
    const [stored, facts, ruleSet] = await Promise.all([
      options.store.listDeclarations(subjectId, since),
      options.authority.factsOf(subjectId),
      rules(),
    ]);
    const declarations: DeclarationRecord[] = stored.map((d) => ({
      declaredAt: new Date(d.declaredAt),
      declaration: d.declaration as Declaration,
    }));
    if (pending) declarations.push(pending);
    return evaluateStatus({
      declarations,
      rules: ruleSet,
      now,
      facts: {
        contacts: facts.contacts.map((c) => ({
          caseType: c.caseType,
          lastContactDate: c.lastContactDate,
          recordedAt: new Date(c.recordedAt),
        })),
        tests: facts.tests.map((t) => ({ result: t.result, sampledAt: new Date(t.sampledAt), recordedAt: new Date(t.recordedAt) })),
        manual: facts.manual.map((m) => ({
          status: m.status,
          setAt: new Date(m.setAt),
          ...(m.until === undefined ? {} : { until: m.until }),
        })),
      },
    });
  }

  /** Stores `evaluation` as the subject's baseline; its previous one, if any. */
  async function record(subjectId: string, evaluation: Evaluation): Promise<EvaluationJson | undefined> {
    const previous = known.get(subjectId) ?? (await options.authority.getEvaluation(subjectId))?.evaluation;
    const next = evaluationToJson(evaluation);
    if (!previous || !sameColour(previous, next)) {
      await options.authority.saveEvaluation({ subjectId, evaluation: next, evaluatedAt: options.now().getTime() });
    }
    known.set(subjectId, next);
    return previous;
  }

  async function reevaluateOne(subjectId: string, report: ReevaluationReport, revoke: RevokedCode[]): Promise<void> {
    const evaluation = await evaluate(subjectId);
    const previous = await record(subjectId, evaluation);
    report.evaluated++;
    const before = previous ?? { status: 'green' as const, reasons: [], ruleSetVersion: '' };
    if (sameColour(before, evaluationToJson(evaluation))) return;
    report.changed++;
    const now = options.now().getTime();
    const outstanding = await options.store.outstandingCodes(subjectId, now);
    for (const userId of new Set(outstanding.map((c) => c.userId))) await options.codes().invalidate(userId);
    if (severity(evaluation.status) > severity(before.status)) {
      report.worsened++;
      for (const c of outstanding) revoke.push({ codeId: c.codeId, expiresAt: Math.ceil(c.expiresAt / 1000) });
    }
  }

  return {
    evaluate,
    record,
    /** The rule set in force now. */
    rules,
    /** Forget the cached rule set: a new version was published. */
    rulesChanged(): void {
      rulesInForce = undefined;
    },
    /** The colour to sign into a renewed code: evaluated now, and stored as the baseline. */
    async codeColour(code: { subjectId: string }): Promise<{ status: HealthStatus; negativeTestAt?: number }> {
      const evaluation = await evaluate(code.subjectId);
      await record(code.subjectId, evaluation);
      return {
        status: evaluation.status,
        ...(evaluation.lastNegativeTestAt ? { negativeTestAt: evaluation.lastNegativeTestAt.getTime() } : {}),
      };
    },
    /** The stored evaluation of a subject, evaluating it when there is none. */
    async current(subjectId: string): Promise<EvaluationJson> {
      const cached = known.get(subjectId);
      if (cached) return cached;
      const stored = await options.authority.getEvaluation(subjectId);
      if (stored) {
        known.set(subjectId, stored.evaluation);
        return stored.evaluation;
      }
      const evaluation = await evaluate(subjectId);
      await record(subjectId, evaluation);
      return evaluationToJson(evaluation);
    },
    /** Re-evaluates exactly `subjectIds` (a change concerned them), one after another. */
    async reevaluate(subjectIds: Iterable<string>): Promise<ReevaluationReport> {
      const report: ReevaluationReport = { evaluated: 0, changed: 0, worsened: 0, revokedCodes: 0 };
      const revoke: RevokedCode[] = [];
      for (const subjectId of new Set(subjectIds)) await reevaluateOne(subjectId, report, revoke);
      // One change of the trust list for the whole re-evaluation; it is re-signed at its next request.
      await options.keyring.revokeCodes(revoke);
      report.revokedCodes = revoke.length;
      return report;
    },
  };
}

/** The colour module of a service engine. */
export type Colour = ReturnType<typeof createColour>;
