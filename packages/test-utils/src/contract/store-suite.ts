import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdempotencyClaim, RetentionPolicy, ServiceStore, StoredAnswer, StoredCheckin } from '@healthcode/service';

/** Options of {@link testStoreIdempotencyAndPurge}. */
export interface StoreContractOptions {
  /** Shown in the describe block, e.g. `SQLite`. */
  name: string;
  /** A fresh, empty store, and how to release it. */
  open(): Promise<{ store: ServiceStore; close(): Promise<void> }>;
}

/** The store suites' clock start, units and a retention policy small enough to test batching. */
export const T0 = Date.parse('2026-11-27T02:00:00.000Z');
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
export const RETENTION: RetentionPolicy = {
  answeredMs: DAY,
  pendingMs: 5 * MINUTE,
  declarationsMs: 28 * DAY,
  codesMs: DAY,
  checkinsMs: 28 * DAY,
  batchSize: 2,
};
const NOTHING = { sessions: 0, idempotency: 0, declarations: 0, codes: 0, checkins: 0 };

const claimOf = (key: string, createdAt = T0): IdempotencyClaim => ({
  userId: 'wechat:u1',
  key,
  fingerprint: `{"key":"${key}"}`,
  createdAt,
});

/** Commits a check-in with `answer`, the way a route ends an idempotent request. */
async function answer(store: ServiceStore, claim: IdempotencyClaim, at = claim.createdAt): Promise<StoredAnswer> {
  const stored: StoredAnswer = { ...claim, status: 201, body: { checkinId: `chk_${claim.key}` }, createdAt: at };
  const checkin: StoredCheckin = {
    checkinId: `chk_${claim.key}`,
    venueId: 'ven_1',
    orgId: 'org_1',
    scannedBy: claim.userId,
    valid: false,
    reason: 'malformed',
    checkedInAt: at,
  };
  await store.commitCheckin({ checkin, idempotency: stored });
  return stored;
}

/**
 * The parts of the `ServiceStore` contract that guard idempotency under concurrency and
 * keep the store from growing forever: key claims and `purgeExpired`. Run it against
 * every store with a one-line call.
 */
export function testStoreIdempotencyAndPurge({ name, open }: StoreContractOptions): void {
  describe(`store contract (claims and purge): ${name}`, () => {
    let store: ServiceStore;
    let close: () => Promise<void>;

    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(async () => {
      await close();
    });

    it('grants a new key to exactly one of two concurrent claims; the other sees it pending', async () => {
      const results = await Promise.all([store.claimIdempotencyKey(claimOf('k1')), store.claimIdempotencyKey(claimOf('k1'))]);
      expect(results.filter((r) => r === undefined)).toHaveLength(1);
      expect(results.find((r) => r !== undefined)).toEqual({ state: 'pending', ...claimOf('k1') });
    });

    it('replaces a pending claim with the committed answer, which a release then leaves alone', async () => {
      await store.claimIdempotencyKey(claimOf('k2'));
      const stored = await answer(store, claimOf('k2'));
      await store.releaseIdempotencyKey('wechat:u1', 'k2');
      expect(await store.claimIdempotencyKey(claimOf('k2'))).toEqual({ state: 'answered', ...stored });
    });

    it('frees a released claim for the next request', async () => {
      await store.claimIdempotencyKey(claimOf('k3'));
      await store.releaseIdempotencyKey('wechat:u1', 'k3');
      expect(await store.claimIdempotencyKey(claimOf('k3'))).toBeUndefined();
    });

    it('lets a claim take over a pending claim made before staleBefore (a crashed request), but not a younger one or an answer', async () => {
      await store.claimIdempotencyKey(claimOf('crashed', T0 - 10 * MINUTE));
      await store.claimIdempotencyKey(claimOf('running', T0 - MINUTE));
      const done = await answer(store, claimOf('answered', T0 - 10 * MINUTE));
      const staleBefore = T0 - 5 * MINUTE;
      expect(await store.claimIdempotencyKey(claimOf('crashed'), staleBefore)).toBeUndefined();
      expect(await store.claimIdempotencyKey(claimOf('crashed'), staleBefore)).toEqual({ state: 'pending', ...claimOf('crashed') });
      expect(await store.claimIdempotencyKey(claimOf('running'), staleBefore)).toEqual({
        state: 'pending',
        ...claimOf('running', T0 - MINUTE),
      });
      expect(await store.claimIdempotencyKey(claimOf('answered'), staleBefore)).toEqual({ state: 'answered', ...done });
    });

    it('purges sessions that have expired and keeps the others', async () => {
      await store.saveSession('old-token', { userId: 'wechat:u1', expiresAt: T0 - 1 });
      await store.saveSession('due-token', { userId: 'wechat:u1', expiresAt: T0 });
      await store.saveSession('fresh-token', { userId: 'wechat:u1', expiresAt: T0 + MINUTE });
      expect(await store.purgeExpired(T0, RETENTION)).toEqual({ ...NOTHING, sessions: 2 });
      expect(await store.findSession('old-token')).toBeUndefined();
      expect(await store.findSession('due-token')).toBeUndefined();
      expect(await store.findSession('fresh-token')).toEqual({ userId: 'wechat:u1', expiresAt: T0 + MINUTE });
    });

    it('purges answers past their retention and abandoned claims past theirs, keeping younger ones', async () => {
      const now = T0 + 2 * RETENTION.answeredMs;
      await answer(store, claimOf('answered-old', now - RETENTION.answeredMs - 1));
      const young = await answer(store, claimOf('answered-young', now - RETENTION.answeredMs + MINUTE));
      await store.claimIdempotencyKey(claimOf('pending-old', now - RETENTION.pendingMs - 1));
      await store.claimIdempotencyKey(claimOf('pending-young', now - MINUTE));

      expect(await store.purgeExpired(now, RETENTION)).toEqual({ ...NOTHING, idempotency: 2 });
      expect(await store.claimIdempotencyKey(claimOf('answered-old', now))).toBeUndefined();
      expect(await store.claimIdempotencyKey(claimOf('pending-old', now))).toBeUndefined();
      expect(await store.claimIdempotencyKey(claimOf('answered-young', now))).toEqual({ state: 'answered', ...young });
      expect(await store.claimIdempotencyKey(claimOf('pending-young', now))).toMatchObject({ state: 'pending' });
    });
  });
}
