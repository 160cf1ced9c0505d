import {
  ancestorPrefixes,
  type AuditEntry,
  type AuthorityStore,
  type StoredAppeal,
  type StoredManualStatus,
  type StoredOperator,
  type StoredRuleSet,
} from '@healthcode/service';
import { num, str, type Row } from './rows.js';

/** A connection (or the pool) that runs named statements. */
export interface PgQueryable {
  query(name: string, text: string, values?: unknown[]): Promise<Row[]>;
}

/** What the authority store needs of the PostgreSQL storage: statements, and transactions on one connection. */
export interface PgAccess extends PgQueryable {
  transaction<T>(work: (db: PgQueryable) => Promise<T>): Promise<T>;
}

const json = <T>(v: unknown) => JSON.parse(str(v)) as T;
const record = <T>(r: Row) => json<T>(r.record);
const toOperator = (r: Row): StoredOperator => ({
  operatorId: str(r.operator_id),
  name: str(r.name),
  createdAt: num(r.created_at),
  ...(r.revoked_at === null ? {} : { revokedAt: num(r.revoked_at) }),
});
const toAudit = (r: Row): AuditEntry => ({
  seq: num(r.seq),
  at: num(r.at),
  actor: json(r.actor),
  action: str(r.action),
  target: str(r.target),
  ...(r.reason === null ? {} : { reason: str(r.reason) }),
  ...(r.details === null ? {} : { details: json(r.details) }),
});
const toRuleSet = (r: Row): StoredRuleSet => ({
  version: str(r.version),
  ruleSet: json(r.rule_set),
  publishedAt: num(r.published_at),
  publishedBy: str(r.published_by),
});

/**
 * The health authority's area in the server's PostgreSQL database (schema version 2 of
 * `postgres-schema.ts`), the same tables as SQLite's: operator tokens kept as the digest
 * `tokenHash` makes, batches committed in one transaction, the stay index keyed by
 * (prefix, to_day) in the C collation so an area query reads only its prefixes' ranges.
 */
export function createPostgresAuthorityStore(db: PgAccess, tokenHash: (token: string) => string): AuthorityStore {
  return {
    async saveOperator(o, token) {
      await db.query(
        'save-operator',
        `INSERT INTO operators VALUES ($1, $2, $3, $4, $5) ON CONFLICT (operator_id) DO UPDATE SET name = excluded.name,
         token_hash = excluded.token_hash, created_at = excluded.created_at, revoked_at = excluded.revoked_at`,
        [o.operatorId, o.name, tokenHash(token), o.createdAt, o.revokedAt ?? null],
      );
    },
    async findOperatorByToken(token) {
      const [row] = await db.query('operator-by-token', 'SELECT * FROM operators WHERE token_hash = $1', [tokenHash(token)]);
      return row && toOperator(row);
    },
    async revokeOperator(operatorId, at) {
      const rows = await db.query(
        'revoke-operator',
        'UPDATE operators SET revoked_at = $1 WHERE operator_id = $2 AND revoked_at IS NULL RETURNING 1 AS revoked',
        [at, operatorId],
      );
      return rows.length === 1;
    },
    async appendAudit(e) {
      const [row] = await db.query(
        'append-audit',
        'INSERT INTO audit_log (at, actor, action, target, reason, details) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
        [e.at, JSON.stringify(e.actor), e.action, e.target, e.reason ?? null, e.details === undefined ? null : JSON.stringify(e.details)],
      );
      return toAudit(row as Row);
    },
    async listAudit(afterSeq, limit) {
      return (await db.query('list-audit', 'SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit])).map(toAudit);
    },
    async insertRuleSet(r) {
      const rows = await db.query(
        'insert-rule-set',
        'INSERT INTO rule_sets (version, rule_set, published_at, published_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1 AS added',
        [r.version, JSON.stringify(r.ruleSet), r.publishedAt, r.publishedBy],
      );
      return rows.length === 1;
    },
    async getRuleSet(version) {
      const [row] = await db.query('get-rule-set', 'SELECT * FROM rule_sets WHERE version = $1', [version]);
      return row && toRuleSet(row);
    },
    async currentRuleSet() {
      const [row] = await db.query('current-rule-set', 'SELECT * FROM rule_sets ORDER BY published_at DESC, seq DESC LIMIT 1');
      return row && toRuleSet(row);
    },
    commitBatch(batch, facts) {
      return db.transaction(async (tx) => {
        const added = await tx.query(
          'insert-batch',
          'INSERT INTO fact_batches VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1 AS added',
          [batch.batchId, batch.kind, batch.lines, batch.subjects, batch.receivedAt, batch.receivedBy],
        );
        if (added.length === 0) return false;
        for (const c of facts.contacts) {
          await tx.query('insert-contact', 'INSERT INTO fact_contacts VALUES ($1, $2, $3, $4, $5, $6)', [
            c.subjectId,
            c.caseType,
            c.lastContactDate,
            c.source,
            c.batchId,
            c.recordedAt,
          ]);
        }
        for (const t of facts.tests) {
          await tx.query('insert-test', 'INSERT INTO fact_tests VALUES ($1, $2, $3, $4, $5, $6)', [
            t.subjectId,
            t.sampledAt,
            t.result,
            t.labId,
            t.batchId,
            t.recordedAt,
          ]);
        }
        return true;
      });
    },
    async getBatch(batchId) {
      const [r] = await db.query('get-batch', 'SELECT * FROM fact_batches WHERE batch_id = $1', [batchId]);
      return (
        r && {
          batchId: str(r.batch_id),
          kind: str(r.kind) as 'contacts' | 'tests',
          lines: num(r.lines),
          subjects: num(r.subjects),
          receivedAt: num(r.received_at),
          receivedBy: str(r.received_by),
        }
      );
    },
    async saveManualStatus(s) {
      await db.query(
        'save-manual-status',
        'INSERT INTO manual_statuses VALUES ($1, $2, $3, $4) ON CONFLICT (status_id) DO UPDATE SET subject_id = excluded.subject_id, record = excluded.record, lifted_at = excluded.lifted_at',
        [s.statusId, s.subjectId, JSON.stringify(s), s.liftedAt ?? null],
      );
    },
    async getManualStatus(statusId) {
      const [row] = await db.query('get-manual-status', 'SELECT record FROM manual_statuses WHERE status_id = $1', [statusId]);
      return row && record<StoredManualStatus>(row);
    },
    async factsOf(subjectId) {
      const [contacts, tests, manual] = await Promise.all([
        db.query('contacts-of', 'SELECT * FROM fact_contacts WHERE subject_id = $1', [subjectId]),
        db.query('tests-of', 'SELECT * FROM fact_tests WHERE subject_id = $1', [subjectId]),
        db.query('statuses-of', 'SELECT record FROM manual_statuses WHERE subject_id = $1 AND lifted_at IS NULL', [subjectId]),
      ]);
      return {
        contacts: contacts.map((r) => ({
          subjectId,
          caseType: str(r.case_type) as 'confirmed' | 'suspected',
          lastContactDate: str(r.last_contact_date),
          source: str(r.source),
          batchId: str(r.batch_id),
          recordedAt: num(r.recorded_at),
        })),
        tests: tests.map((r) => ({
          subjectId,
          sampledAt: num(r.sampled_at),
          result: str(r.result) as 'negative' | 'positive',
          labId: str(r.lab_id),
          batchId: str(r.batch_id),
          recordedAt: num(r.recorded_at),
        })),
        manual: manual.map((r) => record<StoredManualStatus>(r)),
      };
    },
    async saveAppeal(a) {
      await db.query(
        'save-appeal',
        'INSERT INTO appeals VALUES ($1, $2, $3, $4, $5) ON CONFLICT (appeal_id) DO UPDATE SET user_id = excluded.user_id, state = excluded.state, filed_at = excluded.filed_at, record = excluded.record',
        [a.appealId, a.userId, a.state, a.filedAt, JSON.stringify(a)],
      );
    },
    async getAppeal(appealId) {
      const [row] = await db.query('get-appeal', 'SELECT record FROM appeals WHERE appeal_id = $1', [appealId]);
      return row && record<StoredAppeal>(row);
    },
    async listAppeals(userId, before, limit) {
      const rows = await db.query(
        'appeals-of',
        'SELECT record FROM appeals WHERE user_id = $1 AND (filed_at < $2 OR (filed_at = $2 AND appeal_id < $3)) ORDER BY filed_at DESC, appeal_id DESC LIMIT $4',
        [userId, before?.[0] ?? Number.MAX_SAFE_INTEGER, before?.[1] ?? '', limit],
      );
      return rows.map((r) => record<StoredAppeal>(r));
    },
    async listPendingAppeals(after, limit) {
      const rows = await db.query(
        'pending-appeals',
        "SELECT record FROM appeals WHERE state = 'pending' AND (filed_at > $1 OR (filed_at = $1 AND appeal_id > $2)) ORDER BY filed_at, appeal_id LIMIT $3",
        [after?.[0] ?? -1, after?.[1] ?? '', limit],
      );
      return rows.map((r) => record<StoredAppeal>(r));
    },
    async indexStays(stays) {
      if (stays.length === 0) return;
      await db.query(
        'index-stays',
        'INSERT INTO stays SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING',
        [stays.map((s) => s.prefix), stays.map((s) => s.to), stays.map((s) => s.from), stays.map((s) => s.subjectId)],
      );
    },
    async subjectsInAreas(areas) {
      const found = new Set<string>();
      for (const a of areas) {
        for (const prefix of ancestorPrefixes(a.prefix)) {
          const rows = await db.query('stays-at', 'SELECT subject_id FROM stays WHERE prefix = $1 AND to_day >= $2 AND from_day <= $3', [
            prefix,
            a.from,
            a.to,
          ]);
          for (const r of rows) found.add(str(r.subject_id));
        }
        // ':' sorts right after '9': [prefix, prefix || ':') holds every code below the prefix.
        const below = await db.query(
          'stays-below',
          "SELECT subject_id FROM stays WHERE prefix >= $1 AND prefix < $1 || ':' AND to_day >= $2 AND from_day <= $3",
          [a.prefix, a.from, a.to],
        );
        for (const r of below) found.add(str(r.subject_id));
      }
      return [...found];
    },
    async saveEvaluation(r) {
      await db.query(
        'save-evaluation',
        'INSERT INTO evaluations VALUES ($1, $2, $3) ON CONFLICT (subject_id) DO UPDATE SET evaluation = excluded.evaluation, evaluated_at = excluded.evaluated_at',
        [r.subjectId, JSON.stringify(r.evaluation), r.evaluatedAt],
      );
    },
    async getEvaluation(subjectId) {
      const [row] = await db.query('get-evaluation', 'SELECT * FROM evaluations WHERE subject_id = $1', [subjectId]);
      return row && { subjectId, evaluation: json(row.evaluation), evaluatedAt: num(row.evaluated_at) };
    },
  };
}
