import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@healthcode/core/api';
import { createClient } from '@healthcode/core';
import { mockHost } from '@healthcode/mock-host';
import { BASE_URL, type Service, requestsTo, startApp, startService } from './service-fixture.js';

let service: Service;
beforeEach(async () => {
  service = await startService();
});
afterEach(() => service.close());

function sessionRequestBody(host: Parameters<typeof requestsTo>[0]): Record<string, unknown> {
  const [call] = requestsTo(host, 'POST', '/v1/sessions');
  return JSON.parse((call!.args[0] as { body: string }).body) as Record<string, unknown>;
}

describe('signIn', () => {
  it("exchanges the host's auth code for a session that a restarted client still has", async () => {
    const app = startApp(service, 'frank');
    const session = await app.client.signIn();
    expect(session).toMatchObject({ identityStatus: 'verified' });
    expect(session.expiresAt.getTime()).toBeGreaterThan(service.clock.now.getTime());
    expect(sessionRequestBody(app.host)).toEqual({ host: 'wechat', authCode: 'dev:frank' });
    expect(await app.restart().getSession()).toEqual(session);
  });

  it("adds the host's real-name ticket when asked to", async () => {
    const app = startApp(service, 'grace');
    await app.client.signIn({ realName: true });
    expect(app.host.callsOf('identity.verifyRealName')).toHaveLength(1);
    expect(sessionRequestBody(app.host).realNameTicket).toMatch(/\S/);
  });

  it('needs a host that can identify its user', async () => {
    const client = createClient({ host: mockHost({ without: ['identity'] }), baseUrl: BASE_URL });
    await expect(client.signIn()).rejects.toMatchObject({ code: 'client/unsupported_host', details: { capability: 'identity' } });
  });

  it('refuses a host that cannot make requests at all', () => {
    expect(() => createClient({ host: mockHost({ without: ['request'] }), baseUrl: BASE_URL })).toThrow(
      expect.objectContaining({ code: 'client/unsupported_host' }),
    );
  });

  it('reports an auth code the service rejects as ApiError unauthorized', async () => {
    const client = createClient({ host: mockHost({ authCode: () => 'not-a-dev-code' }), baseUrl: BASE_URL, sleep: async () => {} });
    const error = await client.signIn().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('forgets a session the service no longer knows', async () => {
    const app = startApp(service, 'heidi');
    await app.client.signIn();
    const key = [...app.host.state.storage.keys()].find((k) => k.endsWith('session'))!;
    const stored = JSON.parse(app.host.state.storage.get(key)!) as Record<string, unknown>;
    app.host.state.storage.set(key, JSON.stringify({ ...stored, sessionToken: 'revoked-token-0000000000' }));
    await expect(app.client.getCode()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await app.client.getSession()).toBeUndefined();
  });
});
