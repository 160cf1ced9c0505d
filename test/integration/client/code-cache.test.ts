import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@healthcode/core/api';
import { CURRENT_FORM_VERSION } from '@healthcode/core/declaration';
import { type Service, requestsTo, startApp, startService, validAnswers } from './service-fixture.js';

let service: Service;
beforeEach(async () => {
  service = await startService();
});
afterEach(() => service.close());

async function declaredApp() {
  const app = startApp(service, 'carol', { retry: { retries: 0 } });
  await app.client.signIn();
  await app.client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
  return app;
}

const codeFetches = (app: Awaited<ReturnType<typeof declaredApp>>) => requestsTo(app.host, 'GET', '/v1/code').length;

describe('getCode', () => {
  it('serves the cached code without a request until refreshAfter', async () => {
    const app = await declaredApp();
    const first = await app.client.getCode();
    service.clock.now = new Date(first.refreshAfter.getTime() - 1000);
    const again = await app.client.getCode();
    expect(again.qrText).toBe(first.qrText);
    expect(codeFetches(app)).toBe(0);
  });

  it('fetches a new code once refreshAfter has passed', async () => {
    const app = await declaredApp();
    const first = await app.client.getCode();
    service.clock.now = new Date(first.refreshAfter.getTime() + 1000);
    const next = await app.client.getCode();
    expect(codeFetches(app)).toBe(1);
    expect(next.stale).toBe(false);
    expect(next.qrText).not.toBe(first.qrText);
    expect(next.refreshAfter.getTime()).toBeGreaterThan(service.clock.now.getTime());
  });

  it('returns the cached code marked stale when a refresh finds no network', async () => {
    const app = await declaredApp();
    const first = await app.client.getCode();
    service.clock.now = new Date(first.refreshAfter.getTime() + 1000);
    app.network.online = false;
    const offline = await app.client.getCode();
    expect(offline).toMatchObject({ qrText: first.qrText, stale: true });
  });

  it('shows the stored code after a restart without network', async () => {
    const app = await declaredApp();
    const first = await app.client.getCode();
    app.network.online = false;
    const restarted = app.restart();
    expect(await restarted.getCode()).toMatchObject({ qrText: first.qrText, stale: false });
  });

  it('rejects with ApiError network when there is neither a network nor a cached code', async () => {
    const app = startApp(service, 'dave', { retry: { retries: 0 } });
    await app.client.signIn();
    app.network.online = false;
    await expect(app.client.getCode()).rejects.toMatchObject({ code: 'api/network', status: 0 });
    await expect(app.client.getCode()).rejects.toBeInstanceOf(ApiError);
  });

  it('forgets the session and the code on sign-out', async () => {
    const app = await declaredApp();
    await app.client.signOut();
    expect(await app.client.getSession()).toBeUndefined();
    await expect(app.client.getCode()).rejects.toMatchObject({ code: 'client/not_signed_in' });
  });

  it("never shows the previous user's code after someone else signs in", async () => {
    const app = await declaredApp();
    const carols = await app.client.getCode();
    app.account.user = 'erin';
    await app.client.signIn();
    expect(carols.qrText).toMatch(/\S/);
    // Erin has not declared yet: the service has no code for her, and Carol's is not hers to show.
    await expect(app.client.getCode()).rejects.toMatchObject({ code: 'not_found' });
    expect(codeFetches(app)).toBe(1);
  });
});
