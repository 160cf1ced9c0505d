import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ClientError, CURRENT_FORM_VERSION } from '@healthcode/core';
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
    network.online = false;
    await client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    network.online = true;
    await client.getForm();
    await vi.waitFor(() => expect(service.recorded.declarations).toBe(1));
    expect(await client.pending()).toEqual([]);
  });

  it('caches the code the queued declaration earned once it is sent', async () => {
    const { client, network, host } = await signedInApp();
    network.online = false;
    await client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    network.online = true;
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
    expect(report.dropped[0]!.error).toBeInstanceOf(ApiError);
    expect(report.dropped[0]!.error.status).toBeGreaterThanOrEqual(400);
    expect(report.dropped[0]!.error.status).toBeLessThan(500);
  });

  it('keeps queued requests while signed out and sends them after signing in again', async () => {
    const { client, network } = await signedInApp();
    network.online = false;
    await client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    network.online = true;
    await client.signOut();
    expect(await client.flushQueue()).toEqual({ sent: 0, dropped: [], remaining: 1 });
    await client.signIn();
    await vi.waitFor(() => expect(service.recorded.declarations).toBe(1));
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
    await expect(client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION })).rejects.toMatchObject({ code: 'not_signed_in' });
  });
});
