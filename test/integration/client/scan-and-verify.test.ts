import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type HealthCodeClient } from '@healthcode/core';
import { createKeyringState } from '@healthcode/service';
import { toPublicJwk } from '@healthcode/core/code';
import { CURRENT_FORM_VERSION } from '@healthcode/core/declaration';
import { mockHost } from '@healthcode/mock-host';
import { type Service, requestsTo, startApp, startService, validAnswers } from './service-fixture.js';

let service: Service;
beforeEach(async () => {
  service = await startService();
});
afterEach(() => service.close());

async function userCode(): Promise<string> {
  const user = startApp(service, 'erin');
  await user.client.signIn();
  await user.client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
  return (await user.client.getCode()).qrText;
}

/** A checkpoint device, signed in, with the trust list cached, and a venue to check in at. */
async function checkpoint() {
  const app = startApp(service, 'guard', { retry: { retries: 0 } });
  await app.client.signIn();
  await app.client.getTrustList();
  const venue = await createVenue();
  return { ...app, venue };
}

async function createVenue(): Promise<{ venueId: string; scannerToken: string }> {
  const post = async (path: string, token: string, body: unknown) => {
    const response = await fetch(`https://health.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, string>;
  };
  const org = await post('/v1/orgs', 'operator-dev-token', { name: 'Clinic' });
  const venue = await post(`/v1/orgs/${org.orgId}/venues`, org.adminToken!, { name: 'Gate' });
  return { venueId: venue.venueId!, scannerToken: venue.scannerToken! };
}

describe('scanAndVerify', () => {
  it('verifies offline against the cached trust list, queues the check-in, and reports it once online', async () => {
    const qrText = await userCode();
    const gate = await checkpoint();
    gate.network.online = false;
    gate.host.queueScan(qrText);

    const scan = await gate.client.scanAndVerify(gate.venue);
    expect(scan.result).toMatchObject({ valid: true, status: 'green' });
    expect(scan.checkin.status).toBe('queued');
    expect(service.recorded.checkins).toBe(0);

    gate.network.online = true;
    expect(await gate.client.flushQueue()).toEqual({ sent: 1, dropped: [], remaining: 0 });
    expect(service.recorded.checkins).toBe(1);
  });

  it('records a check-in whose answer was lost once, when the queue resends it under the same idempotency key', async () => {
    const qrText = await userCode();
    const gate = await checkpoint();
    gate.network.lose = (url, init) => init.method === 'POST' && url.endsWith('/v1/checkins');
    gate.host.queueScan(qrText);
    const scan = await gate.client.scanAndVerify(gate.venue);
    expect(scan.checkin.status).toBe('queued');
    expect(service.recorded.checkins).toBe(1);

    gate.network.lose = undefined;
    expect(await gate.client.flushQueue()).toEqual({ sent: 1, dropped: [], remaining: 0 });
    const keys = requestsTo(gate.host, 'POST', '/v1/checkins').map((c) => (c.args[0] as { headers: Record<string, string> }).headers['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(service.recorded.checkins).toBe(1);
  });

  it('reports the check-in at once when online', async () => {
    const qrText = await userCode();
    const gate = await checkpoint();
    gate.host.queueScan(qrText);
    const scan = await gate.client.scanAndVerify(gate.venue);
    expect(scan.checkin).toMatchObject({ status: 'sent', result: { valid: true, status: 'green' } });
    expect(service.recorded.checkins).toBe(1);
  });

  it('rejects a tampered code offline and still reports the attempt', async () => {
    const qrText = await userCode();
    const gate = await checkpoint();
    const tampered = qrText.slice(0, -6) + (qrText.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
    gate.network.online = false;
    gate.host.queueScan(tampered);
    const scan = await gate.client.scanAndVerify(gate.venue);
    expect(scan.result.valid).toBe(false);
    expect(scan.checkin.status).toBe('queued');
  });

  it('keeps the verdict when the check-in cannot be reported', async () => {
    const qrText = await userCode();
    const gate = await checkpoint();
    await gate.client.signOut();
    gate.host.queueScan(qrText);
    const scan = await gate.client.scanAndVerify(gate.venue);
    expect(scan.result.valid).toBe(true);
    expect(scan.checkin).toMatchObject({ status: 'failed', error: { code: 'client/not_signed_in' } });
  });

  it('needs a scanner and a pinned trust root', async () => {
    const noScan = createClient({ host: mockHost({ without: ['scan'] }), baseUrl: 'https://health.test', trustRoot: service.trustRoot });
    await expect(noScan.scanAndVerify({ venueId: 'v', scannerToken: 't' })).rejects.toMatchObject({ code: 'client/unsupported_host', details: { capability: 'scan' } });
    const noRoot: HealthCodeClient = createClient({ host: mockHost(), baseUrl: 'https://health.test' });
    await expect(noRoot.verifyAndCheckIn({ venueId: 'v', scannerToken: 't', qrText: 'x' })).rejects.toMatchObject({ code: 'client/no_trust_root' });
  });

  it('refuses a trust list signed by another root', async () => {
    const otherRoot = toPublicJwk((await createKeyringState()).root);
    const gate = startApp(service, 'guard', { trustRoot: otherRoot });
    await expect(gate.client.getTrustList()).rejects.toMatchObject({ name: 'TrustListError' });
  });
});
