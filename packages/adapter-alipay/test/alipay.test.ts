import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHost, unregisterHost } from '@healthcode/core/host/kit';
import { HostError } from '@healthcode/core';
import { alipayHost, registerAlipayHost, toAlipayError, type MyLike } from '@healthcode/adapter-alipay';
import { conformanceServer, CONFORMANCE_ORIGIN, fakeCanvasNode } from '@healthcode/test-utils';
import { createFakeMy } from './fake-my.js';

const setup = () => {
  const fake = createFakeMy(conformanceServer);
  return { fake, host: alipayHost({ my: fake.my as MyLike }) };
};

describe('alipayHost', () => {
  it('asks for the silent auth_base scope by default and passes explicit scopes through', async () => {
    const { fake, host } = setup();
    expect(await host.identity!.getAuthCode()).toEqual({ code: 'my-code-1' });
    await host.identity!.getAuthCode({ scopes: ['auth_user'] });
    expect(fake.authRequests).toEqual([['auth_base'], ['auth_user']]);
  });

  it.each([2001, 2002, 2003])('reports refused authorisation (error %i) as denied', async (error) => {
    const { fake, host } = setup();
    fake.refuseScope = { scope: 'auth_user', error };
    const failure = await host.identity!.getAuthCode({ scopes: ['auth_user'] }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'host/denied', raw: { error } });
  });

  it('sends headers as `headers` and asks Alipay not to parse the body', async () => {
    const { fake, host } = setup();
    await host.request!({ url: `${CONFORMANCE_ORIGIN}/json`, headers: { 'X-A': '1' } });
    expect(fake.requests[0]).toMatchObject({ headers: { 'X-A': '1' }, dataType: 'text' });
  });

  it('turns a non-2xx answer delivered to fail (error 19) back into a response with headers', async () => {
    const { host } = setup();
    const response = await host.request!({ url: `${CONFORMANCE_ORIGIN}/missing` });
    expect(response.status).toBe(404);
    expect(response.headers['x-request-id']).toBe('req-1');
  });

  it('stores with the object signature setStorage({ key, data })', async () => {
    const { fake, host } = setup();
    await host.storage!.set('k', { v: 1 });
    expect(fake.storage.get('k')).toBe('{"v":1}');
  });

  it('reports the 200 KB per-key limit as maxValueBytes', () => {
    expect(setup().host.storage!.maxValueBytes).toBe(200 * 1024);
  });

  it('maps the host’s own size error to too_large', async () => {
    const { fake } = setup();
    const raw = await new Promise((resolve) => fake.my.setStorage!({ key: 'k', data: 'x'.repeat(300 * 1024), fail: resolve }));
    expect(toAlipayError(raw, 'storage').code).toBe('host/too_large');
  });

  it('converts string coordinates and accuracy to numbers', async () => {
    const { fake, host } = setup();
    fake.script.setLocation(22.5431, 114.0579);
    expect(await host.location!.getLocation()).toEqual({ latitude: 22.5431, longitude: 114.0579, accuracy: 65 });
  });

  it('maps the toast icon to Alipay’s type and the text to content', async () => {
    const showToast = vi.fn((o: { success: () => void }) => o.success());
    const host = alipayHost({ my: { ...setup().fake.my, showToast } as unknown as MyLike });
    await host.ui!.toast({ title: 'Failed', icon: 'error' });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ content: 'Failed', type: 'fail' }));
  });

  it('prepares a Canvas 2D node at the window pixel ratio', async () => {
    const { fake, host } = setup();
    const node = fakeCanvasNode();
    fake.canvases.set('#code', { node, width: 100, height: 120 });
    fake.script.setPixelRatio(3);
    await host.canvas!.getCanvas('#code');
    expect([node.width, node.height, node.scaled]).toEqual([300, 360, [[3, 3]]]);
  });

  it('rejects PATCH, which my.request cannot send', async () => {
    const { host } = setup();
    await expect(host.request!({ url: `${CONFORMANCE_ORIGIN}/echo`, method: 'PATCH' })).rejects.toMatchObject({ code: 'host/unsupported' });
  });
});

describe('toAlipayError', () => {
  it.each([
    [{ error: 11, errorMessage: '用户取消' }, 'general', 'host/cancelled'],
    [{ error: 12, errorMessage: '网络出错' }, 'request', 'host/network'],
    [{ error: 13, errorMessage: '超时' }, 'request', 'host/timeout'],
    [{ error: 14, errorMessage: '业务定位超时' }, 'location', 'host/timeout'],
    [{ error: 14, errorMessage: 'JSON parse data error' }, 'request', 'host/host_error'],
    [{ error: 11, errorMessage: '无权跨域' }, 'request', 'host/denied'],
    [{ error: 11, errorMessage: '定位权限未开启' }, 'location', 'host/denied'],
    [{ error: 10, errorMessage: '用户取消' }, 'scan', 'host/cancelled'],
    [{ error: 2002, errorMessage: '用户拒绝' }, 'general', 'host/denied'],
    [{ error: 3, errorMessage: '未知错误' }, 'general', 'host/host_error'],
  ] as const)('maps %o from %s to %s', (raw, api, code) => {
    const error = toAlipayError(raw, api);
    expect(error).toBeInstanceOf(HostError);
    expect(error.code).toBe(code);
    expect(error.raw).toBe(raw);
  });
});

describe('registration', () => {
  afterEach(() => {
    unregisterHost('alipay');
    vi.unstubAllGlobals();
  });

  it('is detected by a global my object', () => {
    registerAlipayHost();
    vi.stubGlobal('my', createFakeMy(conformanceServer).my);
    expect(createHost('auto').name).toBe('alipay');
  });
});
