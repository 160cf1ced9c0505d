import type Database from 'better-sqlite3';
import { ancestorPrefixes, type AuditEntry, type AuthorityStore, type StoredAppeal, type StoredManualStatus, type StoredOperator } from '@healthcode/service';

type Row = Record<string, unknown>;
const json = <T>(v: unknown) => JSON.parse(v as string) as T;

const toOperator = (r: Row): StoredOperator => ({
  operatorId: r.operator_id as string,
  name: r.name as string,
  createdAt: r.created_at as number,
  ...(r.revoked_at === null ? {} : { revokedAt: r.revoked_at as number }),
});
const toAudit = (r: Row): AuditEntry => ({
  seq: r.seq as number,
  at: r.at as number,
  actor: json(r.actor),
  action: r.action as string,
  target: r.target as string,
  ...(r.reason === null ? {} : { reason: r.reason as string }),
  ...(r.details === null ? {} : { details: json(r.details) }),
});
const record = <T>(r: Row) => json<T>(r.record);

/**
 * The health authority's area in the server's SQLite database (tables of schema version
 * 4). Operator tokens are kept as the digest `tokenHash` makes; batches commit in one
 * transaction; the stay index is a `WITHOUT ROWID` table keyed by (prefix, to_day), so an
 * area query reads only the index ranges of the area's prefixes.
 */
export function createSqliteAuthorityStore(db: Database.Database, tokenHash: (token: string) => string): AuthorityStore {
  const q = {
    saveOperator: db.prepare('INSERT OR REPLACE INTO operators VALUES (@operatorId, @name, @tokenHash, @createdAt, @revokedAt)'),
    operatorByToken: db.prepare('SELECT * FROM operators WHERE token_hash = ?'),
    revokeOperator: db.prepare('UPDATE operators SET revoked_at = ? WHERE operator_id = ? AND revoked_at IS NULL'),
    appendAudit: db.prepare('INSERT INTO audit_log (at, actor, action, target, reason, details) VALUES (?, ?, ?, ?, ?, ?) RETURNING *'),
    listAudit: db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?'),
    insertRuleSet: db.prepare('INSERT OR IGNORE INTO rule_sets VALUES (?, ?, ?, ?)'),
    getRuleSet: db.prepare('SELECT * FROM rule_sets WHERE version = ?'),
    currentRuleSet: db.prepare('SELECT * FROM rule_sets ORDER BY published_at DESC, rowid DESC LIMIT 1'),
    insertBatch: db.prepare('INSERT OR IGNORE INTO fact_batches VALUES (@batchId, @kind, @lines, @subjects, @receivedAt, @receivedBy)'),
    getBatch: db.prepare('SELECT * FROM fact_batches WHERE batch_id = ?'),
    insertContact: db.prepare('INSERT INTO fact_contacts VALUES (@subjectId, @caseType, @lastContactDate, @source, @batchId, @recordedAt)'),
    insertTest: db.prepare('INSERT INTO fact_tests VALUES (@subjectId, @sampledAt, @result, @labId, @batchId, @recordedAt)'),
    contactsOf: db.prepare('SELECT * FROM fact_contacts WHERE subject_id = ?'),
    testsOf: db.prepare('SELECT * FROM fact_tests WHERE subject_id = ?'),
    saveStatus: db.prepare('INSERT OR REPLACE INTO manual_statuses VALUES (?, ?, ?, ?)'),
    getStatus: db.prepare('SELECT record FROM manual_statuses WHERE status_id = ?'),
    statusesOf: db.prepare('SELECT record FROM manual_statuses WHERE subject_id = ? AND lifted_at IS NULL'),
    saveAppeal: db.prepare('INSERT OR REPLACE INTO appeals VALUES (?, ?, ?, ?, ?)'),
    getAppeal: db.prepare('SELECT record FROM appeals WHERE appeal_id = ?'),
    appealsOf: db.prepare(
      'SELECT record FROM appeals WHERE user_id = @userId AND (filed_at < @at OR (filed_at = @at AND appeal_id < @id)) ORDER BY filed_at DESC, appeal_id DESC LIMIT @limit',
    ),
    pendingAppeals: db.prepare(
      "SELECT record FROM appeals WHERE state = 'pending' AND (filed_at > @at OR (filed_at = @at AND appeal_id > @id)) ORDER BY filed_at, appeal_id LIMIT @limit",
    ),
    indexStay: db.prepare('INSERT OR IGNORE INTO stays VALUES (@prefix, @to, @from, @subjectId)'),
    staysAt: db.prepare('SELECT subject_id FROM stays WHERE prefix = ? AND to_day >= ? AND from_day <= ?'),
    // ':' sorts right after '9': [prefix, prefix + ':') holds every code below the prefix.
    staysBelow: db.prepare("SELECT subject_id FROM stays WHERE prefix >= ? AND prefix < ? || ':' AND to_day >= ? AND from_day <= ?"),
    saveEvaluation: db.prepare('INSERT OR REPLACE INTO evaluations VALUES (?, ?, ?)'),
    getEvaluation: db.prepare('SELECT * FROM evaluations WHERE subject_id = ?'),
  };
  const commitBatch = db.transaction((...[batch, facts]: Parameters<AuthorityStore['commitBatch']>) => {
    if (q.insertBatch.run(batch).changes === 0) return false;
    for (const c of facts.contacts) q.insertContact.run(c);
    for (const t of facts.tests) q.insertTest.run(t);
    return true;
  });
  const indexStays = db.transaction((stays: Parameters<AuthorityStore['indexStays']>[0]) => {
    for (const s of stays) q.indexStay.run(s);
  });
  const saveStatus = (s: StoredManualStatus) => q.saveStatus.run(s.statusId, s.subjectId, JSON.stringify(s), s.liftedAt ?? null);

  return {
    async saveOperator(operator, token) {
      q.saveOperator.run({ ...operator, tokenHash: tokenHash(token), revokedAt: operator.revokedAt ?? null });
    },
    async findOperatorByToken(token) {
      const row = q.operatorByToken.get(tokenHash(token)) as Row | undefined;
      return row && toOperator(row);
    },
    async revokeOperator(operatorId, at) {
      return q.revokeOperator.run(at, operatorId).changes === 1;
    },
    async appendAudit(e) {
      const details = e.details === undefined ? null : JSON.stringify(e.details);
      return toAudit(q.appendAudit.get(e.at, JSON.stringify(e.actor), e.action, e.target, e.reason ?? null, details) as Row);
    },
    async listAudit(afterSeq, limit) {
      return (q.listAudit.all(afterSeq, limit) as Row[]).map(toAudit);
    },
    async insertRuleSet(r) {
      return q.insertRuleSet.run(r.version, JSON.stringify(r.ruleSet), r.publishedAt, r.publishedBy).changes === 1;
    },
    async getRuleSet(version) {
      const row = q.getRuleSet.get(version) as Row | undefined;
      return row && { version: row.version as string, ruleSet: json(row.rule_set), publishedAt: row.published_at as number, publishedBy: row.published_by as string };
    },
    async currentRuleSet() {
      const row = q.currentRuleSet.get() as Row | undefined;
      return row && { version: row.version as string, ruleSet: json(row.rule_set), publishedAt: row.published_at as number, publishedBy: row.published_by as string };
    },
    async commitBatch(batch, facts) {
      return commitBatch(batch, facts);
    },
    async getBatch(batchId) {
      const r = q.getBatch.get(batchId) as Row | undefined;
      return r && { batchId: r.batch_id as string, kind: r.kind as 'contacts' | 'tests', lines: r.lines as number, subjects: r.subjects as number, receivedAt: r.received_at as number, receivedBy: r.received_by as string };
    },
    async saveManualStatus(status) {
      saveStatus(status);
    },
    async getManualStatus(statusId) {
      const row = q.getStatus.get(statusId) as Row | undefined;
      return row && record<StoredManualStatus>(row);
    },
    async factsOf(subjectId) {
      return {
        contacts: (q.contactsOf.all(subjectId) as Row[]).map((r) => ({
          subjectId, caseType: r.case_type as 'confirmed' | 'suspected', lastContactDate: r.last_contact_date as string,
          source: r.source as string, batchId: r.batch_id as string, recordedAt: r.recorded_at as number,
        })),
        tests: (q.testsOf.all(subjectId) as Row[]).map((r) => ({
          subjectId, sampledAt: r.sampled_at as number, result: r.result as 'negative' | 'positive',
          labId: r.lab_id as string, batchId: r.batch_id as string, recordedAt: r.recorded_at as number,
        })),
        manual: (q.statusesOf.all(subjectId) as Row[]).map((r) => record<StoredManualStatus>(r)),
      };
    },
    async saveAppeal(a) {
      q.saveAppeal.run(a.appealId, a.userId, a.state, a.filedAt, JSON.stringify(a));
    },
    async getAppeal(appealId) {
      const row = q.getAppeal.get(appealId) as Row | undefined;
      return row && record<StoredAppeal>(row);
    },
    async listAppeals(userId, before, limit) {
      const at = before?.[0] ?? Number.MAX_SAFE_INTEGER;
      return (q.appealsOf.all({ userId, at, id: before?.[1] ?? '', limit }) as Row[]).map((r) => record<StoredAppeal>(r));
    },
    async listPendingAppeals(after, limit) {
      return (q.pendingAppeals.all({ at: after?.[0] ?? -1, id: after?.[1] ?? '', limit }) as Row[]).map((r) => record<StoredAppeal>(r));
    },
    async indexStays(stays) {
      indexStays(stays);
    },
    async subjectsInAreas(areas) {
      const found = new Set<string>();
      const add = (rows: unknown[]) => {
        for (const r of rows as Row[]) found.add(r.subject_id as string);
      };
      for (const a of areas) {
        for (const prefix of ancestorPrefixes(a.prefix)) add(q.staysAt.all(prefix, a.from, a.to));
        add(q.staysBelow.all(a.prefix, a.prefix, a.from, a.to));
      }
      return [...found];
    },
    async saveEvaluation(r) {
      q.saveEvaluation.run(r.subjectId, JSON.stringify(r.evaluation), r.evaluatedAt);
    },
    async getEvaluation(subjectId) {
      const row = q.getEvaluation.get(subjectId) as Row | undefined;
      return row && { subjectId, evaluation: json(row.evaluation), evaluatedAt: row.evaluated_at as number };
    },
  };
}
