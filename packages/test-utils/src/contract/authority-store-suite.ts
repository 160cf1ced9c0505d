import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorityStore, StoredContact } from '@healthcode/service';

/** Options of {@link testAuthorityStore}. */
export interface AuthorityStoreContractOptions {
  /** Shown in the describe block, e.g. `SQLite`. */
  name: string;
  /** A fresh, empty store, and how to release it. */
  open(): Promise<{ store: AuthorityStore; close(): Promise<void> }>;
}

const T0 = Date.parse('2026-12-02T02:00:00.000Z');
const contact = (subjectId: string, batchId: string): StoredContact => ({ subjectId, caseType: 'confirmed', lastContactDate: '2026-12-01', source: 's', batchId, recordedAt: T0 });

/**
 * The `AuthorityStore` contract that routes alone do not pin down: the stay index's area
 * semantics, batches as one transaction, the audit log's order, token lookup, appeal queue
 * order. Run it against every implementation (memory, SQLite, a future PostgreSQL one).
 */
export function testAuthorityStore({ name, open }: AuthorityStoreContractOptions): void {
  describe(`authority store contract: ${name}`, () => {
    let store: AuthorityStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(async () => close());

    it('finds the subjects whose stays overlap an area in days, at, within or around its region', async () => {
      await store.indexStays([
        { subjectId: 'district', prefix: '310104', from: '2026-11-28', to: '2026-11-29' },
        { subjectId: 'city', prefix: '3101', from: '2026-11-29', to: '2026-11-29' },
        { subjectId: 'province', prefix: '31', from: '2026-11-20', to: '2026-12-01' },
        { subjectId: 'neighbour', prefix: '310105', from: '2026-11-28', to: '2026-11-29' },
        { subjectId: 'too-early', prefix: '310104', from: '2026-11-20', to: '2026-11-27' },
        { subjectId: 'district', prefix: '310104', from: '2026-11-28', to: '2026-11-29' },
      ]);
      const found = await store.subjectsInAreas([{ prefix: '310104', from: '2026-11-28', to: '2026-12-02' }]);
      expect([...found].sort()).toEqual(['city', 'district', 'province']);
      const citywide = await store.subjectsInAreas([{ prefix: '3101', from: '2026-11-29', to: '2026-11-29' }]);
      expect([...citywide].sort()).toEqual(['city', 'district', 'neighbour', 'province']);
      expect(await store.subjectsInAreas([{ prefix: '650102', from: '2026-11-01', to: '2026-12-02' }])).toEqual([]);
    });

    it('stores a batch and its facts once: a second commit under its id stores nothing', async () => {
      const batch = { batchId: 'b1', kind: 'contacts' as const, lines: 1, subjects: 1, receivedAt: T0, receivedBy: 'opr_1' };
      expect(await store.commitBatch(batch, { contacts: [contact('s1', 'b1')], tests: [] })).toBe(true);
      expect(await store.commitBatch(batch, { contacts: [contact('s1', 'b1'), contact('s2', 'b1')], tests: [] })).toBe(false);
      expect((await store.factsOf('s1')).contacts).toHaveLength(1);
      expect((await store.factsOf('s2')).contacts).toEqual([]);
      expect(await store.getBatch('b1')).toEqual(batch);
    });

    it('appends audit entries with increasing seq and reads them in pages', async () => {
      const actor = { operatorId: 'opr_1', name: 'A' };
      for (const action of ['a', 'b', 'c']) await store.appendAudit({ at: T0, actor, action, target: 't' });
      const first = await store.listAudit(0, 2);
      expect(first.map((e) => e.action)).toEqual(['a', 'b']);
      expect((await store.listAudit(first[1]!.seq, 10)).map((e) => e.action)).toEqual(['c']);
    });

    it('finds an operator by token and revokes it once', async () => {
      await store.saveOperator({ operatorId: 'opr_1', name: 'A', createdAt: T0 }, 'token-1');
      expect(await store.findOperatorByToken('token-1')).toEqual({ operatorId: 'opr_1', name: 'A', createdAt: T0 });
      expect(await store.findOperatorByToken('token-2')).toBeUndefined();
      expect(await store.revokeOperator('opr_1', T0 + 1)).toBe(true);
      expect(await store.revokeOperator('opr_1', T0 + 2)).toBe(false);
      expect((await store.findOperatorByToken('token-1'))?.revokedAt).toBe(T0 + 1);
    });

    it('queues pending appeals oldest first after a cursor, and keeps the latest rule set current', async () => {
      const appeal = { userId: 'u', subjectId: 's', category: 'other', text: 't', status: 'red' as const, state: 'pending' as const };
      await store.saveAppeal({ ...appeal, appealId: 'apl_b', filedAt: T0 + 1 });
      await store.saveAppeal({ ...appeal, appealId: 'apl_a', filedAt: T0 + 1 });
      await store.saveAppeal({ ...appeal, appealId: 'apl_c', filedAt: T0 });
      await store.saveAppeal({ ...appeal, appealId: 'apl_d', filedAt: T0 - 1, state: 'accepted' });
      expect((await store.listPendingAppeals(undefined, 10)).map((a) => a.appealId)).toEqual(['apl_c', 'apl_a', 'apl_b']);
      expect((await store.listPendingAppeals([T0 + 1, 'apl_a'], 10)).map((a) => a.appealId)).toEqual(['apl_b']);
      expect((await store.listAppeals('u', undefined, 10)).map((a) => a.appealId)).toEqual(['apl_b', 'apl_a', 'apl_c', 'apl_d']);
      expect((await store.listAppeals('u', [T0 + 1, 'apl_a'], 10)).map((a) => a.appealId)).toEqual(['apl_c', 'apl_d']);
      expect(await store.listAppeals('someone-else', undefined, 10)).toEqual([]);
    });
  });
}
