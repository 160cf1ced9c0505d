import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HealthStatus } from '@healthcode/core';
import type { ServiceStore, StoredCheckin, StoredCode, StoredDeclaration } from '@healthcode/service';
import { DAY, MINUTE, RETENTION, T0, type StoreContractOptions } from './store-suite.js';

let serial = 0;
const code = (userId: string, issuedAt: number, status: HealthStatus = 'green'): StoredCode => ({
  codeId: `code${++serial}`,
  userId,
  subjectId: `subject-of-${userId}`,
  status,
  region: '310000',
  display: { name: '张*' },
  qrText: `HC1:${serial}`,
  keyId: 'issuer-1',
  issuedAt,
  expiresAt: issuedAt + 10 * MINUTE,
});
const declaration = (userId: string, subjectId: string, declaredAt: number, status: HealthStatus = 'green'): StoredDeclaration => ({
  declarationId: `dcl${++serial}`,
  userId,
  subjectId,
  formVersion: '1.1',
  declaration: { n: serial },
  assessment: { status },
  status,
  declaredAt,
});
const checkin = (venueId: string, orgId: string, at: number, seen?: { subjectId: string; status: HealthStatus }): StoredCheckin => ({
  checkinId: `chk${++serial}`,
  venueId,
  orgId,
  scannedBy: `venue/${venueId}`,
  checkedInAt: at,
  ...(seen ? { valid: true, ...seen } : { valid: false, reason: 'bad_signature' }),
});

/** Saves a user and commits one declaration with its code for them, as the declaration route does. */
async function declare(store: ServiceStore, userId: string, subjectId: string, at: number, status: HealthStatus = 'green') {
  if (!(await store.getUser(userId))) await store.saveUser({ userId, host: 'wechat', identityStatus: 'verified', createdAt: at });
  const committed = { ...code(userId, at, status), subjectId };
  return {
    ok: await store.commitDeclaration({ declaration: declaration(userId, subjectId, at, status), code: committed }),
    code: committed,
  };
}

/**
 * The parts of the `ServiceStore` contract a database must get right on its own: the
 * compare-and-swap renewal of codes, subject binding, the dashboard's aggregates and
 * retention. Run it against every store with a one-line call.
 */
export function testStoreRecords({ name, open }: StoreContractOptions): void {
  describe(`store contract (records, aggregates, retention): ${name}`, () => {
    let store: ServiceStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(async () => {
      await close();
    });

    it('renews a code only while the one it replaces is still current; of two concurrent renewals one wins', async () => {
      const { code: first } = await declare(store, 'wechat:r1', 'S-r1', T0);
      const [a, b] = await Promise.all([
        store.renewCode(code('wechat:r1', T0 + MINUTE), first.codeId),
        store.renewCode(code('wechat:r1', T0 + MINUTE), first.codeId),
      ]);
      expect(a).toEqual(b);
      expect(await store.latestCode('wechat:r1')).toEqual(a);
      const late = await store.renewCode(code('wechat:r1', T0 + 2 * MINUTE), first.codeId);
      expect(late).toEqual(a);
      expect(await store.latestCode('wechat:r1')).toEqual(a);
    });

    it('binds a user to the subject of the first declaration and refuses, storing nothing, one for another subject', async () => {
      expect((await declare(store, 'wechat:b1', 'S-first', T0)).ok).toBe(true);
      const before = await store.latestCode('wechat:b1');
      expect((await declare(store, 'wechat:b1', 'S-other', T0 + MINUTE)).ok).toBe(false);
      expect(await store.latestCode('wechat:b1')).toEqual(before);
      expect(await store.listDeclarations('S-other', 0)).toEqual([]);
      expect((await store.getUser('wechat:b1'))?.subjectId).toBe('S-first');
    });

    it('binds an unbound user to exactly one of two subjects declared at once', async () => {
      await store.saveUser({ userId: 'wechat:b2', host: 'wechat', identityStatus: 'verified', createdAt: T0 });
      const results = await Promise.all(['S-a', 'S-b'].map((s) => declare(store, 'wechat:b2', s, T0)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    });

    it("aggregates an organisation's day: latest statuses, who did not declare, venues and distinct visitors", async () => {
      const day = { from: T0, to: T0 + DAY };
      await store.saveOrg({ orgId: 'org_a', name: 'A', createdAt: T0 }, 'admin-a');
      for (const [i, s] of ['S-e1', 'S-e2', 'S-e3'].entries()) {
        await store.addEmployee({ employeeId: `emp_${i}`, orgId: 'org_a', subjectId: s, createdAt: T0 + i });
      }
      await store.saveVenue({ venueId: 'ven_1', orgId: 'org_a', name: 'Gate', createdAt: T0 }, 'scan-1');
      await store.saveVenue({ venueId: 'ven_2', orgId: 'org_a', name: 'Canteen', createdAt: T0 + 1 }, 'scan-2');
      await store.saveVenue({ venueId: 'ven_x', orgId: 'org_b', name: 'Elsewhere', createdAt: T0 }, 'scan-x');
      await declare(store, 'wechat:e1', 'S-e1', T0 + MINUTE, 'green');
      await declare(store, 'wechat:e1', 'S-e1', T0 + 2 * MINUTE, 'red');
      await declare(store, 'wechat:e2', 'S-e2', T0 - MINUTE, 'yellow'); // the day before
      const scans = [
        checkin('ven_1', 'org_a', T0 + MINUTE, { subjectId: 'S-v1', status: 'green' }),
        checkin('ven_1', 'org_a', T0 + 3 * MINUTE, { subjectId: 'S-v1', status: 'yellow' }),
        checkin('ven_1', 'org_a', T0 + 4 * MINUTE, { subjectId: 'S-e1', status: 'green' }),
        checkin('ven_1', 'org_a', T0 + 5 * MINUTE),
        checkin('ven_1', 'org_a', T0 + DAY, { subjectId: 'S-v2', status: 'red' }), // the next day
        checkin('ven_x', 'org_b', T0 + MINUTE, { subjectId: 'S-v3', status: 'red' }),
      ];
      for (const c of scans) await store.commitCheckin({ checkin: c });

      const summary = await store.summariseOrgDay('org_a', day.from, day.to);
      expect(summary).toEqual({
        employees: 3,
        declaredByStatus: { green: 0, yellow: 0, red: 1 },
        notDeclared: [
          { employeeId: 'emp_1', orgId: 'org_a', subjectId: 'S-e2', createdAt: T0 + 1 },
          { employeeId: 'emp_2', orgId: 'org_a', subjectId: 'S-e3', createdAt: T0 + 2 },
        ],
        venues: [
          { venueId: 'ven_1', name: 'Gate', checkins: 4, rejected: 1, byStatus: { green: 2, yellow: 1, red: 0 } },
          { venueId: 'ven_2', name: 'Canteen', checkins: 0, rejected: 0, byStatus: { green: 0, yellow: 0, red: 0 } },
        ],
        visitors: { total: 1, byStatus: { green: 0, yellow: 1, red: 0 } },
      });
    });

    it('purges declarations, check-ins and superseded codes past their retention, in batches, and keeps the current code', async () => {
      const now = T0 + 40 * DAY;
      const old = now - RETENTION.declarationsMs - MINUTE;
      const young = now - RETENTION.declarationsMs + MINUTE;
      const { code: first } = await declare(store, 'wechat:p1', 'S-p1', old);
      for (let i = 1; i <= 4; i++) await declare(store, 'wechat:p1', 'S-p1', old + i);
      const { code: current } = await declare(store, 'wechat:p1', 'S-p1', young);
      for (const at of [old, old + 1, old + 2, young]) await store.commitCheckin({ checkin: checkin('ven_1', 'org_a', at) });
      // A user who declared once, long ago: that code is their current one and stays.
      const { code: only } = await declare(store, 'wechat:p2', 'S-p2', old);

      expect(await store.purgeExpired(now, RETENTION)).toEqual({ sessions: 0, idempotency: 0, declarations: 6, codes: 5, checkins: 3 });
      expect((await store.listDeclarations('S-p1', 0)).map((d) => d.declaredAt)).toEqual([young]);
      expect((await store.listCheckins('org_a', 0, now)).map((c) => c.checkedInAt)).toEqual([young]);
      expect(await store.latestCode('wechat:p1')).toEqual(current);
      expect(await store.latestCode('wechat:p2')).toEqual(only);
      expect(first.codeId).not.toBe(current.codeId);
      expect(await store.purgeExpired(now, RETENTION)).toEqual({ sessions: 0, idempotency: 0, declarations: 0, codes: 0, checkins: 0 });
    });

    it('counts requests per key and window when it keeps rate limits for several processes', async ({ skip }) => {
      if (!store.countInWindow) return skip('this store leaves rate limits to each process');
      expect(await store.countInWindow('sessions/u1', T0)).toBe(1);
      expect(await store.countInWindow('sessions/u1', T0)).toBe(2);
      expect(await store.countInWindow('sessions/u2', T0)).toBe(1);
      expect(await store.countInWindow('sessions/u1', T0 + MINUTE)).toBe(1);
    });
  });
}
