import { describe, expect, it } from 'vitest';
import { createKeyring, createKeyringState, type KeyringState, type SharedKeyringStore, type SharedKeys } from '@healthcode/service';
import { verifyTrustList } from '@healthcode/core';

const issuer = { id: 'test-issuer', name: 'Test issuer', region: '310000' };

async function setup() {
  let at = new Date('2026-11-27T02:00:00Z').getTime();
  const saved: KeyringState[] = [];
  const state = await createKeyringState();
  const keyring = createKeyring(state, { issuer, codeTtlSeconds: 600, now: () => new Date(at), onChange: (s) => void saved.push(s) });
  return { keyring, saved, advance: (seconds: number) => (at += seconds * 1000), now: () => new Date(at) };
}

/** A shared store in memory, its updates one at a time as a database's lock would make them. */
function sharedStore(): SharedKeyringStore {
  let value: SharedKeys | undefined;
  let lock: Promise<unknown> = Promise.resolve();
  return {
    read: async () => value && structuredClone(value),
    update(change) {
      const next = lock.then(async () => (value = await change(value && structuredClone(value))));
      lock = next.catch(() => undefined);
      return next;
    },
  };
}

describe('keyring', () => {
  it('publishes a deeply frozen list, so verifiers index it once instead of on every check-in', async () => {
    const { keyring } = await setup();
    const { trust } = await keyring.current();
    expect(Object.isFrozen(trust)).toBe(true);
    expect(Object.isFrozen(trust.issuers[0]?.keys[0]?.jwk)).toBe(true);
  });

  it('acts as one signer across keyrings sharing a store: one trust list, one rotation', async () => {
    const store = sharedStore();
    const state = await createKeyringState();
    const now = () => new Date('2026-11-27T02:00:00Z');
    const [a, b] = [1, 2].map(() => createKeyring(state, { issuer, codeTtlSeconds: 600, now, shared: store }));
    if (!a || !b) throw new Error('two keyrings');
    const [listA, listB] = await Promise.all([a.current(), b.current()]);
    expect(listB.signed).toBe(listA.signed);
    const rotated = await a.rotate();
    await b.sync();
    expect(b.signingKey().kid).toBe(rotated.kid);
    const [afterA, afterB] = await Promise.all([a.current(), b.current()]);
    expect(afterB.signed).toBe(afterA.signed);
    expect(afterA.trust.sequence).toBe(listA.trust.sequence + 1);
  });

  it('signs the trust list once and serves it until its keys change', async () => {
    const { keyring, saved, now } = await setup();
    const [a, b] = await Promise.all([keyring.current(), keyring.current()]);
    expect(b?.signed).toBe(a?.signed);
    expect((await keyring.current()).trust.sequence).toBe(a?.trust.sequence);
    const trust = await verifyTrustList(a?.signed ?? '', keyring.rootPublicKey, { now: now() });
    expect(trust.issuers).toEqual([expect.objectContaining({ id: 'test-issuer', regions: ['310000'] })]);
    expect(saved.at(-1)?.sequence).toBe(trust.sequence);
  });

  it('re-signs with a higher sequence after a rotation and when the list ages', async () => {
    const { keyring, advance } = await setup();
    const first = await keyring.current();
    await keyring.rotate();
    const rotated = await keyring.current();
    expect(rotated.trust.sequence).toBeGreaterThan(first.trust.sequence);
    advance(2 * 86_400);
    const aged = await keyring.current();
    expect(aged.trust.sequence).toBeGreaterThan(rotated.trust.sequence);
  });

  it('publishes a retired key with an end date until its last code has expired, then drops it', async () => {
    const { keyring, advance } = await setup();
    const old = keyring.signingKey().kid;
    const next = await keyring.rotate();
    expect(keyring.signingKey().kid).toBe(next.kid);
    const keys = (await keyring.current()).trust.issuers[0]?.keys ?? [];
    expect(keys.map((k) => [k.jwk.kid, k.notAfter !== undefined])).toEqual([
      [old, true],
      [next.kid, false],
    ]);
    advance(600 + 301);
    expect((await keyring.current()).trust.issuers[0]?.keys.map((k) => k.jwk.kid)).toEqual([next.kid]);
  });

  it('publishes only public key members', async () => {
    const { keyring } = await setup();
    const { trust } = await keyring.current();
    for (const key of trust.issuers.flatMap((i) => i.keys)) expect(key.jwk).not.toHaveProperty('d');
    expect(keyring.rootPublicKey).not.toHaveProperty('d');
  });

  it('comes back identical from its saved state', async () => {
    const { keyring } = await setup();
    await keyring.rotate();
    const again = createKeyring(keyring.state(), { issuer, codeTtlSeconds: 600 });
    expect(again.rootPublicKey).toEqual(keyring.rootPublicKey);
    expect(again.signingKey()).toEqual(keyring.signingKey());
    expect(again.subjectKey).toBe(keyring.subjectKey);
  });

  it('lists a revoked code id in the trust list until its code has expired, plus the clock slack, then drops it', async () => {
    const { keyring, saved, advance, now } = await setup();
    const before = await keyring.current();
    const expiresAt = Math.floor(now().getTime() / 1000) + 600;
    await keyring.revokeCodes([
      { codeId: 'code-a', expiresAt },
      { codeId: 'code-b', expiresAt: expiresAt - 1200 },
    ]);
    expect(saved.at(-1)?.revokedCodes).toEqual([{ codeId: 'code-a', expiresAt }]);
    const revoked = await keyring.current();
    expect(revoked.trust.sequence).toBeGreaterThan(before.trust.sequence);
    expect(revoked.trust.revokedCodeIds).toEqual(['code-a']);
    advance(600 + 299);
    expect((await keyring.current()).trust.revokedCodeIds).toEqual(['code-a']);
    advance(1);
    expect((await keyring.current()).trust.revokedCodeIds).toEqual([]);
  });
});
