import { describe, expect, it } from 'vitest';
import { createKeyring, createKeyringState, createMemoryStore, type StoredCode } from '@healthcode/service';
import { createCodeIssuer } from '../src/keys/code-issuer.js';

const issuer = { id: 'shanghai', name: 'Shanghai', region: '310000' };

describe('the code issuer', () => {
  it('keeps a code committed by a declaration while an old code was being re-signed', async () => {
    let now = new Date('2026-11-27T08:00:00Z');
    const saved: StoredCode[] = [];
    const keyring = createKeyring(await createKeyringState(), { issuer, codeTtlSeconds: 600, now: () => now });
    const store = {
      latestCode: async () => saved.at(-1),
      saveCode: async (c: StoredCode) => void saved.push(c),
      renewCode: async (c: StoredCode) => (saved.push(c), c),
    };
    const codes = createCodeIssuer({ store: store as never, keyring, ttlSeconds: 600, refreshRatio: 0.8, now: () => now });
    const subject = { userId: 'u1', subjectId: 'Ab3dEf6hIj9kLmNo', display: { name: '张*' } };

    const green = await codes.issue({ ...subject, status: 'green' });
    await store.saveCode(green);
    codes.remember(green);
    now = new Date(now.getTime() + 9 * 60_000); // past refreshAfter: the next read re-signs
    const red = await codes.issue({ ...subject, status: 'red' });
    const refreshing = codes.current('u1');
    // While the old green code is being re-signed, a red declaration commits its code.
    saved.push(red);
    codes.remember(red);

    expect((await refreshing)!.status).toBe('red');
    expect((await codes.current('u1'))!.status).toBe('red');
    expect(saved.map((c) => c.status)).toEqual(['green', 'red']);
  });

  it('on a shared store renews the code in the store when the colour changes, and evaluates only codes that are due', async () => {
    let now = new Date('2026-11-27T08:00:00Z');
    let status: StoredCode['status'] = 'green';
    let evaluations = 0;
    const keyring = createKeyring(await createKeyringState(), { issuer, codeTtlSeconds: 600, now: () => now });
    const store = createMemoryStore();
    const colourOf = async () => (evaluations++, { status });
    const [a, b] = [1, 2].map(() =>
      createCodeIssuer({ store, keyring, ttlSeconds: 600, refreshRatio: 0.8, now: () => now, shared: true, colourOf }),
    );
    if (!a || !b) throw new Error('two issuers');
    const green = await a.issue({ userId: 'u1', subjectId: 'Ab3dEf6hIj9kLmNo', status: 'green', display: { name: '张*' } });
    await store.saveCode(green);

    expect(await b.current('u1')).toEqual(green);
    expect(evaluations).toBe(0);
    status = 'red';
    await a.invalidate('u1'); // the process that saw the change renews in the store...
    expect((await b.current('u1'))?.status).toBe('red'); // ...and another process serves it
    expect(evaluations).toBe(1);
    now = new Date(now.getTime() + 9 * 60_000); // due: evaluated and renewed once
    const renewed = await Promise.all([a.current('u1'), b.current('u1')]);
    expect(renewed[0]?.codeId).toBe(renewed[1]?.codeId);
  });
});
