import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@healthcode/core/api';
import { ClientError, type HealthCodeClient, type SubmitResult } from '@healthcode/core';
import { CURRENT_FORM_VERSION } from '@healthcode/core/declaration';
import { type Service, requestsTo, startApp, startService, validAnswers } from './service-fixture.js';

let service: Service;
beforeEach(async () => {
  service = await startService();
});
afterEach(() => service.close());

async function signedInApp() {
  const app = startApp(service, 'alice', { retry: { retries: 1 } });
  await app.client.signIn();
  return app;
}

/** What an overloaded service (or a duplicate still being acted on) answers. */
const unavailable = () =>
  new Response(JSON.stringify({ error: { code: 'unavailable', message: 'try again later' } }), {
    status: 503,
    headers: { 'content-type': 'application/json' },
  });

const idOf = (result: SubmitResult) => (result.status === 'queued' ? result.id : undefined);

/** Submits a declaration with the network off, then brings the network back. */
async function submitOffline(app: { client: HealthCodeClient; network: { online: boolean } }) {
  app.network.online = false;
  const outcome = await app.client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
  app.network.online = true;
  return outcome;
}

describe('submitting declarations offline', () => {
  it('queues the declaration while offline and sends it exactly once when back online', async () => {
    const { client, network } = await signedInApp();
    network.online = false;
    const queued = await client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    expect(queued.status).toBe('queued');
    expect(await client.pending()).toHaveLength(1);
    expect(service.recorded.declarations).toBe(0);

    network.online = true;
    expect(await client.flushQueue()).toEqual({ sent: 1, dropped: [], remaining: 0 });
    expect(await client.flushQueue()).toEqual({ sent: 0, dropped: [], remaining: 0 });
    expect(service.recorded.declarations).toBe(1);
    expect(await client.pending()).toEqual([]);
  });

  it('resends under the same idempotency key when the answer was lost, so the service records it once', async () => {
    const { client, network, host } = await signedInApp();
    network.lose = (url, init) => init.method === 'POST' && url.endsWith('/v1/declarations');
    const queued = await client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    expect(queued.status).toBe('queued');

    network.lose = undefined;
    expect((await client.flushQueue()).sent).toBe(1);
    const keys = requestsTo(host, 'POST', '/v1/declarations').map((c) => (c.args[0] as { headers: Record<string, string> }).headers['Idempotency-Key']);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    expect(service.recorded.declarations).toBe(1);
  });

  it('keeps the queue in host storage, so a restarted client sends it', async () => {
    const app = await signedInApp();
    app.network.online = false;
    await app.client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });

    app.network.online = true;
    const restarted = app.restart();
    expect(await restarted.getSession()).toBeDefined();
    expect(await restarted.pending()).toHaveLength(1);
    expect((await restarted.flushQueue()).sent).toBe(1);
    expect(service.recorded.declarations).toBe(1);
  });

  it('drains the queue by itself after the next successful request', async () => {
    const { client, network } = await signedInApp();
    await submitOffline({ client, network });
    await client.getForm();
    await vi.waitFor(() => expect(service.recorded.declarations).toBe(1));
    expect(await client.pending()).toEqual([]);
  });

  it('caches the code the queued declaration earned once it is sent', async () => {
    const { client, network, host } = await signedInApp();
    await submitOffline({ client, network });
    await client.flushQueue();
    const code = await client.getCode();
    expect(code).toMatchObject({ status: 'green', stale: false });
    expect(requestsTo(host, 'GET', '/v1/code')).toHaveLength(0);
  });

  it('drops a queued declaration the service refuses and reports why', async () => {
    const { client, network } = await signedInApp();
    network.online = false;
    await client.submitDeclaration({ person: { name: '' } }, { formVersion: CURRENT_FORM_VERSION });
    network.online = true;
    const report = await client.flushQueue();
    expect(report.sent).toBe(0);
    expect(report.remaining).toBe(0);
    expect(report.dropped).toHaveLength(1);
    const { error } = report.dropped[0]!;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBeGreaterThanOrEqual(400);
    expect((error as ApiError).status).toBeLessThan(500);
  });

  it('keeps queued requests while the session has lapsed and sends them after signing in again', async () => {
    const { client, network, host } = await signedInApp();
    await submitOffline({ client, network });
    host.state.storage.delete([...host.state.storage.keys()].find((k) => k.endsWith('session'))!);
    expect(await client.flushQueue()).toEqual({ sent: 0, dropped: [], remaining: 1 });
    await client.signIn();
    await vi.waitFor(() => expect(service.recorded.declarations).toBe(1));
  });

  it("forgets queued requests on sign-out, so the next user's session never sends them", async () => {
    const { client, network, account } = await signedInApp();
    await submitOffline({ client, network });
    await client.signOut();
    expect(await client.pending()).toEqual([]);

    account.user = 'mallory';
    await client.signIn();
    expect(await client.flushQueue()).toEqual({ sent: 0, dropped: [], remaining: 0 });
    expect(service.recorded.declarations).toBe(0);
  });

  it('sends older queued writes before a new one, so the newest declaration is the last the service records', async () => {
    const { client, network } = await signedInApp();
    const arrivedKeys: (string | undefined)[] = [];
    network.answer = (url, init) => {
      if (url.endsWith('/v1/declarations')) arrivedKeys.push(init.headers['Idempotency-Key']);
      return undefined;
    };
    const older = await submitOffline({ client, network });
    const newer = await client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    expect(newer.status).toBe('sent');
    await client.flushQueue();
    expect(arrivedKeys).toHaveLength(2);
    expect(arrivedKeys[0]).toBe(idOf(older));
    expect(service.recorded.declarations).toBe(2);
  });

  it('queues a new write behind older ones the service still cannot take', async () => {
    const { client, network } = await signedInApp();
    const older = await submitOffline({ client, network });
    network.answer = (url) => (url.endsWith('/v1/declarations') ? unavailable() : undefined);
    const newer = await client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    expect(newer.status).toBe('queued');
    expect((await client.pending()).map((item) => item.id)).toEqual([idOf(older), idOf(newer)]);
    expect(service.recorded.declarations).toBe(0);
  });

  it('queues a write the service answers with a 5xx and sends it later under the same key', async () => {
    const { client, network } = await signedInApp();
    network.answer = (url) => (url.endsWith('/v1/declarations') ? unavailable() : undefined);
    const queued = await client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    expect(queued.status).toBe('queued');
    expect(await client.pending()).toHaveLength(1);

    network.answer = undefined;
    expect(await client.flushQueue()).toEqual({ sent: 1, dropped: [], remaining: 0 });
    expect(service.recorded.declarations).toBe(1);
  });

  it('drops a write queued longer than 12 hours unsent, since the service may have forgotten its key', async () => {
    const { client, network } = await signedInApp();
    network.online = false;
    await client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    const [item] = await client.pending();
    service.clock.now = new Date(service.clock.now.getTime() + 12 * 3_600_000 + 1000);
    network.online = true;

    const report = await client.flushQueue();
    expect(report).toMatchObject({ sent: 0, remaining: 0, dropped: [{ item }] });
    expect(report.dropped[0]!.error).toBeInstanceOf(ClientError);
    expect(report.dropped[0]!.error.code).toBe('client/queued_too_long');
    expect(service.recorded.declarations).toBe(0);
  });

  it('sends a write queued for less than the maximum age, which the maxQueueAgeMs option sets', async () => {
    const app = startApp(service, 'alice', { retry: { retries: 1 }, maxQueueAgeMs: 60_000 });
    await app.client.signIn();
    app.network.online = false;
    await app.client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    await app.client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    service.clock.now = new Date(service.clock.now.getTime() + 59_000);
    app.network.online = true;
    expect(await app.client.flushQueue()).toEqual({ sent: 2, dropped: [], remaining: 0 });

    app.network.online = false;
    await app.client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    service.clock.now = new Date(service.clock.now.getTime() + 61_000);
    app.network.online = true;
    expect((await app.client.flushQueue()).dropped.map((d) => d.error.code)).toEqual(['client/queued_too_long']);
  });

  it('sends a declaration straight away when online and returns its assessment and code', async () => {
    const { client } = await signedInApp();
    const sent = await client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    expect(sent).toMatchObject({ status: 'sent', assessment: { status: 'green' }, code: { status: 'green', stale: false } });
    expect(service.recorded.declarations).toBe(1);
  });

  it('refuses to submit before sign-in', async () => {
    const { client } = startApp(service, 'bob');
    await expect(client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION })).rejects.toThrow(ClientError);
    await expect(client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION })).rejects.toMatchObject({ code: 'client/not_signed_in' });
  });
});
