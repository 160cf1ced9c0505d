import { ancestorPrefixes, type AuditEntry, type AuthorityStore, type StoredAppeal, type StoredContact, type StoredEvaluation, type StoredManualStatus, type StoredRuleSet, type StoredTest } from './store.js';
import type { StoredBatch, StoredOperator, StoredStay } from './store.js';

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** Values of `map` under `key`, made on first use. */
function bucket<V>(map: Map<string, V[]>, key: string): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/**
 * An {@link AuthorityStore} in Maps, for tests, demos and the playground. Stays are kept
 * per prefix, so an area query reads only the prefixes it concerns, as SQLite's index does.
 */
export function createMemoryAuthorityStore(): AuthorityStore {
  const operators = new Map<string, StoredOperator>();
  const operatorTokens = new Map<string, string>();
  const audit: AuditEntry[] = [];
  const ruleSets = new Map<string, StoredRuleSet>();
  let current: string | undefined;
  const batches = new Map<string, StoredBatch>();
  const contacts = new Map<string, StoredContact[]>();
  const tests = new Map<string, StoredTest[]>();
  const statuses = new Map<string, StoredManualStatus>();
  const appeals = new Map<string, StoredAppeal>();
  const stays = new Map<string, Map<string, StoredStay>>();
  const evaluations = new Map<string, StoredEvaluation>();

  return {
    async saveOperator(operator, token) {
      operators.set(operator.operatorId, copy(operator));
      operatorTokens.set(token, operator.operatorId);
    },
    async findOperatorByToken(token) {
      const id = operatorTokens.get(token);
      return id === undefined ? undefined : copy(operators.get(id));
    },
    async revokeOperator(operatorId, at) {
      const operator = operators.get(operatorId);
      if (!operator || operator.revokedAt !== undefined) return false;
      operator.revokedAt = at;
      return true;
    },
    async appendAudit(entry) {
      const stored = { ...copy(entry), seq: audit.length + 1 };
      audit.push(stored);
      return copy(stored);
    },
    async listAudit(afterSeq, limit) {
      return copy(audit.filter((e) => e.seq > afterSeq).slice(0, limit));
    },
    async insertRuleSet(ruleSet) {
      if (ruleSets.has(ruleSet.version)) return false;
      ruleSets.set(ruleSet.version, copy(ruleSet));
      current = ruleSet.version;
      return true;
    },
    async getRuleSet(version) {
      return copy(ruleSets.get(version));
    },
    async currentRuleSet() {
      return current === undefined ? undefined : copy(ruleSets.get(current));
    },
    async commitBatch(batch, facts) {
      if (batches.has(batch.batchId)) return false;
      batches.set(batch.batchId, copy(batch));
      for (const c of facts.contacts) bucket(contacts, c.subjectId).push(copy(c));
      for (const t of facts.tests) bucket(tests, t.subjectId).push(copy(t));
      return true;
    },
    async getBatch(batchId) {
      return copy(batches.get(batchId));
    },
    async saveManualStatus(status) {
      statuses.set(status.statusId, copy(status));
    },
    async getManualStatus(statusId) {
      return copy(statuses.get(statusId));
    },
    async factsOf(subjectId) {
      return copy({
        contacts: contacts.get(subjectId) ?? [],
        tests: tests.get(subjectId) ?? [],
        manual: [...statuses.values()].filter((s) => s.subjectId === subjectId && s.liftedAt === undefined),
      });
    },
    async saveAppeal(appeal) {
      appeals.set(appeal.appealId, copy(appeal));
    },
    async getAppeal(appealId) {
      return copy(appeals.get(appealId));
    },
    async listAppeals(userId, before, limit) {
      const earlier = (a: StoredAppeal) => !before || a.filedAt < before[0] || (a.filedAt === before[0] && a.appealId < before[1]);
      return copy(
        [...appeals.values()]
          .filter((a) => a.userId === userId && earlier(a))
          .sort((a, b) => b.filedAt - a.filedAt || (a.appealId < b.appealId ? 1 : -1))
          .slice(0, limit),
      );
    },
    async listPendingAppeals(after, limit) {
      const later = (a: StoredAppeal) => !after || a.filedAt > after[0] || (a.filedAt === after[0] && a.appealId > after[1]);
      return copy(
        [...appeals.values()]
          .filter((a) => a.state === 'pending' && later(a))
          .sort((a, b) => a.filedAt - b.filedAt || (a.appealId < b.appealId ? -1 : 1))
          .slice(0, limit),
      );
    },
    async indexStays(list) {
      for (const stay of list) {
        let byKey = stays.get(stay.prefix);
        if (!byKey) stays.set(stay.prefix, (byKey = new Map()));
        byKey.set(`${stay.subjectId}|${stay.from}|${stay.to}`, copy(stay));
      }
    },
    async subjectsInAreas(areas) {
      const found = new Set<string>();
      for (const area of areas) {
        const prefixes = [...ancestorPrefixes(area.prefix), ...[...stays.keys()].filter((p) => p.startsWith(area.prefix))];
        for (const prefix of prefixes) {
          for (const stay of stays.get(prefix)?.values() ?? []) {
            if (stay.from <= area.to && stay.to >= area.from) found.add(stay.subjectId);
          }
        }
      }
      return [...found];
    },
    async saveEvaluation(record) {
      evaluations.set(record.subjectId, copy(record));
    },
    async getEvaluation(subjectId) {
      return copy(evaluations.get(subjectId));
    },
  };
}
