import type { HealthStatus } from '@healthcode/core';
import type { Evaluation, RuleSet } from '@healthcode/core/assessment';

// Every instant in a record is milliseconds since the Unix epoch; days are city days (YYYY-MM-DD).

/** A named, revocable credential of one person of the health authority. */
export interface StoredOperator {
  operatorId: string;
  name: string;
  createdAt: number;
  revokedAt?: number;
}

/** Who did an authority action: a named operator, or the administrator (the service's operator token). */
export interface AuditActor {
  operatorId: string;
  name: string;
}

/** One line of the append-only audit log: who, when, what, on what, and why. */
export interface AuditEntry {
  /** Increases with every entry; the log's order and its pagination cursor. */
  seq: number;
  at: number;
  actor: AuditActor;
  action: string;
  /** What the action concerned: a rule-set version, a batch id, a status id, an appeal id, an operator id. */
  target: string;
  /** The operator's reason or note, when given. */
  reason?: string;
  /** Figures of the action (counts), never personal data. */
  details?: Record<string, unknown>;
}

/** A published rule-set version. */
export interface StoredRuleSet {
  version: string;
  ruleSet: RuleSet;
  publishedAt: number;
  publishedBy: string;
}

/** A close contact from an authority batch; the person is known by subject id only. */
export interface StoredContact {
  subjectId: string;
  caseType: 'confirmed' | 'suspected';
  lastContactDate: string;
  source: string;
  batchId: string;
  recordedAt: number;
}

/** A test result from an authority batch. */
export interface StoredTest {
  subjectId: string;
  sampledAt: number;
  result: 'negative' | 'positive';
  labId: string;
  batchId: string;
  recordedAt: number;
}

/** An accepted batch: enough to answer a re-sent one with the first report. */
export interface StoredBatch {
  batchId: string;
  kind: 'contacts' | 'tests';
  lines: number;
  subjects: number;
  receivedAt: number;
  receivedBy: string;
}

/** A status an operator set for a person (directly, or by accepting an appeal). */
export interface StoredManualStatus {
  statusId: string;
  subjectId: string;
  status: HealthStatus;
  reason: string;
  note?: string;
  /** Last city day it applies, inclusive; until lifted when absent. */
  until?: string;
  setAt: number;
  setBy: string;
  liftedAt?: number;
  liftedBy?: string;
  /** The appeal whose acceptance set it. */
  appealId?: string;
}

/** A holder's appeal against the current colour, and the operator's decision. */
export interface StoredAppeal {
  appealId: string;
  userId: string;
  subjectId: string;
  category: string;
  text: string;
  /** The colour appealed against. */
  status: HealthStatus;
  filedAt: number;
  state: 'pending' | 'accepted' | 'rejected';
  decidedAt?: number;
  decidedBy?: string;
  note?: string;
  /** The status set by an accepted appeal. */
  statusId?: string;
}

/** A declared stay, indexed so a risk-area change finds the subjects it concerns. */
export interface StoredStay {
  subjectId: string;
  /** The significant prefix of the GB/T 2260 code (`310000` is `31`, `310104` stays `310104`). */
  prefix: string;
  from: string;
  to: string;
}

/** An area of a risk-area change: a region prefix over an inclusive range of days. */
export interface AreaQuery {
  prefix: string;
  from: string;
  to: string;
}

/** The last evaluation of a subject: the baseline a re-evaluation compares against. */
export interface StoredEvaluation {
  subjectId: string;
  evaluation: EvaluationJson;
  evaluatedAt: number;
}

/** An {@link Evaluation} as JSON (its instant as epoch milliseconds). */
export type EvaluationJson = Omit<Evaluation, 'lastNegativeTestAt'> & { lastNegativeTestAt?: number };

/** One page of a list, oldest (or lowest) first; `nextCursor` is absent on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * Persistence of the health authority's area: operators, the audit log, rule-set
 * versions, batches of facts, manual statuses, appeals, the stay index and the last
 * evaluation of each subject. Memory and SQLite implement it; a network database can too
 * (every method is asynchronous). Personal data never reaches it in clear: people are
 * known by subject id.
 */
export interface AuthorityStore {
  /** `token` authenticates the operator; keep only a hash of it at rest. */
  saveOperator(operator: StoredOperator, token: string): Promise<void>;
  /** The operator holding `token`, revoked or not. */
  findOperatorByToken(token: string): Promise<StoredOperator | undefined>;
  /** Resolves `false` when there is no such operator or it was already revoked. */
  revokeOperator(operatorId: string, at: number): Promise<boolean>;

  /** Appends to the log; the store assigns `seq`. */
  appendAudit(entry: Omit<AuditEntry, 'seq'>): Promise<AuditEntry>;
  /** Entries with `seq` above `afterSeq`, oldest first. */
  listAudit(afterSeq: number, limit: number): Promise<AuditEntry[]>;

  /** Resolves `false`, storing nothing, when the version exists already. */
  insertRuleSet(ruleSet: StoredRuleSet): Promise<boolean>;
  getRuleSet(version: string): Promise<StoredRuleSet | undefined>;
  /** The last published version. */
  currentRuleSet(): Promise<StoredRuleSet | undefined>;

  /** Stores a batch and its facts in one transaction; resolves `false`, storing nothing, when its id exists. */
  commitBatch(batch: StoredBatch, facts: { contacts: StoredContact[]; tests: StoredTest[] }): Promise<boolean>;
  getBatch(batchId: string): Promise<StoredBatch | undefined>;

  saveManualStatus(status: StoredManualStatus): Promise<void>;
  getManualStatus(statusId: string): Promise<StoredManualStatus | undefined>;

  /** Every fact about a subject: contacts, tests and manual statuses not lifted. */
  factsOf(subjectId: string): Promise<{ contacts: StoredContact[]; tests: StoredTest[]; manual: StoredManualStatus[] }>;

  saveAppeal(appeal: StoredAppeal): Promise<void>;
  getAppeal(appealId: string): Promise<StoredAppeal | undefined>;
  /** A user's appeals filed before the cursor (`[filedAt, appealId]`), newest first. */
  listAppeals(userId: string, before: [number, string] | undefined, limit: number): Promise<StoredAppeal[]>;
  /** Pending appeals filed after the cursor (`[filedAt, appealId]`), oldest first. */
  listPendingAppeals(after: [number, string] | undefined, limit: number): Promise<StoredAppeal[]>;

  /** Adds stays to the index (a stay already indexed is kept once). */
  indexStays(stays: readonly StoredStay[]): Promise<void>;
  /**
   * The distinct subjects with a stay in any of `areas`: its prefix within or around the
   * area's and its days overlapping the area's. Served by an index on (prefix, day), never
   * by a scan of every subject.
   */
  subjectsInAreas(areas: readonly AreaQuery[]): Promise<string[]>;

  saveEvaluation(record: StoredEvaluation): Promise<void>;
  getEvaluation(subjectId: string): Promise<StoredEvaluation | undefined>;
}

/** The significant prefix of a GB/T 2260 code: `420000` -> `42`, `420100` -> `4201`. */
export function regionPrefix(region: string): string {
  return region.replace(/(00)+$/, '');
}

/** The prefixes a stay may have to overlap an area of prefix `prefix`: the area's ancestors (coarser answers). */
export function ancestorPrefixes(prefix: string): string[] {
  return [2, 4].filter((n) => n < prefix.length).map((n) => prefix.slice(0, n));
}
