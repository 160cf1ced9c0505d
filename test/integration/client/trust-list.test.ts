import { describe, expect, it } from 'vitest';
import { createClient, type TrustList } from '@healthcode/core';
import { generateKeyPair, signTrustList, toPublicJwk } from '@healthcode/core/code';
import { mockHost } from '@healthcode/mock-host';

const NOW = new Date('2026-11-27T02:00:00Z');
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

function list(sequence: number): TrustList {
  return { sequence, issuedAt: seconds(NOW) - 60, expiresAt: seconds(NOW) + 86_400, issuers: [], revokedKeyIds: [], revokedCodeIds: [] };
}

/** A service that serves whichever trust list `sign` signed last, and a client of it. */
async function trustListService() {
  const { privateJwk } = await generateKeyPair({ kid: 'root-test' });
  const served = { signed: await signTrustList(list(1), privateJwk) };
  const host = mockHost({
    handler: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(served) }),
  });
  const clock = { now: NOW };
  const options = { host, baseUrl: 'https://health.test', trustRoot: toPublicJwk(privateJwk), now: () => clock.now, retry: { retries: 0 } };
  const sign = async (sequence: number) => (served.signed = await signTrustList(list(sequence), privateJwk));
  return { host, client: createClient(options), restart: () => createClient(options), clock, sign };
}

describe('getTrustList', () => {
  it('serves the verified list from cache until it is an hour old', async () => {
    const { host, client, clock, sign } = await trustListService();
    expect((await client.getTrustList()).sequence).toBe(1);
    await sign(2);
    clock.now = new Date(NOW.getTime() + 59 * 60_000);
    expect((await client.getTrustList()).sequence).toBe(1);
    clock.now = new Date(NOW.getTime() + 61 * 60_000);
    expect((await client.getTrustList()).sequence).toBe(2);
    expect(host.callsOf('request')).toHaveLength(2);
  });

  it('refuses a list older than the one it already trusts', async () => {
    const { client, sign } = await trustListService();
    await sign(5);
    await client.getTrustList();
    await sign(4);
    await expect(client.getTrustList({ forceRefresh: true })).rejects.toMatchObject({
      code: 'client/trust_list_rollback',
      details: { offered: 4, trusted: 5 },
    });
    await sign(6);
    expect((await client.getTrustList({ forceRefresh: true })).sequence).toBe(6);
  });

  it('ignores a tampered stored list after a restart and fetches a fresh one', async () => {
    const { host, client, restart, sign } = await trustListService();
    await client.getTrustList();
    const key = [...host.state.storage.keys()].find((k) => k.endsWith('trustList'))!;
    const stored = JSON.parse(host.state.storage.get(key)!) as { signed: string; fetchedAt: number };
    host.state.storage.set(key, JSON.stringify({ ...stored, signed: `${stored.signed.slice(0, -4)}AAAA` }));
    await sign(3);
    expect((await restart().getTrustList()).sequence).toBe(3);
    expect(host.callsOf('request')).toHaveLength(2);
  });

  it('uses the cached list when offline, even past its refresh age', async () => {
    const { host, client, clock } = await trustListService();
    await client.getTrustList();
    clock.now = new Date(NOW.getTime() + 2 * 3_600_000);
    host.failNext('request', 'host/network');
    expect((await client.getTrustList()).sequence).toBe(1);
    expect(host.callsOf('request')).toHaveLength(2);
  });
});
