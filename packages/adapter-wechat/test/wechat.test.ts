import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHost, listHosts, unregisterHost } from '@healthcode/core/host/kit';
import { HostError } from '@healthcode/core';
import { registerWechatHost, wechatHost, toWechatError, type WxLike } from '@healthcode/adapter-wechat';
import { conformanceServer, CONFORMANCE_ORIGIN, fakeCanvasNode } from '@healthcode/test-utils';
import { createFakeWx } from './fake-wx.js';

const setup = (options?: Parameters<typeof createFakeWx>[1]) => {
  const fake = createFakeWx(conformanceServer, options);
  return { fake, host: wechatHost({ wx: fake.wx as WxLike, ...(options?.context && { context: options.context }) }) };
};

describe('wechatHost', () => {
  it('logs in with wx.login in an app', async () => {
    const { host } = setup();
    expect(await host.identity!.getAuthCode()).toEqual({ code: 'wx-code-1' });
  });

  it('logs in with wx.pluginLogin inside a plugin, where wx.login is missing', async () => {
    const { fake, host } = setup({ context: 'plugin' });
    expect(fake.wx.login).toBeUndefined();
    expect(await host.identity!.getAuthCode()).toEqual({ code: 'wx-code-1' });
  });

  it('offers no identity when the context has no login API', () => {
    const { fake } = setup({ context: 'plugin' });
    expect(wechatHost({ wx: fake.wx as WxLike }).identity).toBeUndefined();
  });

  it('sends headers as `header` and asks WeChat not to parse the body', async () => {
    const { fake, host } = setup();
    await host.request!({ url: `${CONFORMANCE_ORIGIN}/json`, headers: { 'X-A': '1' }, timeoutMs: 2000 });
    expect(fake.requests[0]).toMatchObject({ header: { 'X-A': '1' }, dataType: 'text', timeout: 2000, method: 'GET' });
  });

  it('rejects PATCH, which wx.request cannot send, before calling WeChat', async () => {
    const { fake, host } = setup();
    await expect(host.request!({ url: `${CONFORMANCE_ORIGIN}/echo`, method: 'PATCH' })).rejects.toMatchObject({ code: 'host/unsupported' });
    expect(fake.requests).toHaveLength(0);
  });

  it('maps the total storage quota error to too_large', async () => {
    const { fake, host } = setup();
    for (let i = 0; i < 10; i++) fake.storage.set(`filler-${i}`, 'z'.repeat(1024 * 1024 - 10));
    await expect(host.storage!.set('one-more', 'x'.repeat(1000))).rejects.toMatchObject({ code: 'host/too_large' });
  });

  it('reads a value stored by other code as an object', async () => {
    const { fake, host } = setup();
    fake.storage.set('legacy', { a: 1 });
    expect(await host.storage!.get('legacy')).toEqual({ a: 1 });
  });

  it('reports language in BCP 47 form and platform from getDeviceInfo', async () => {
    const { host } = setup();
    expect(await host.system!.getSystemInfo()).toMatchObject({ language: 'zh-CN', platform: 'ios', pixelRatio: 2 });
  });

  it('falls back to getSystemInfo on base libraries without getWindowInfo', async () => {
    const { host } = setup({ legacySystemInfo: true });
    expect(await host.system!.getSystemInfo()).toMatchObject({ language: 'en', platform: 'android', screenWidth: 390 });
  });

  it('unsubscribing from screenshots leaves listeners added by other code in place', () => {
    const { fake, host } = setup();
    const other = vi.fn();
    fake.wx.onUserCaptureScreen!(other);
    const mine = vi.fn();
    const unsubscribe = host.screenshot!.onScreenshot(mine);
    unsubscribe();
    unsubscribe();
    fake.script.takeScreenshot();
    expect(other).toHaveBeenCalledOnce();
    expect(mine).not.toHaveBeenCalled();
  });

  it('sizes a Canvas 2D node by the pixel ratio and scales its context', async () => {
    const { fake, host } = setup();
    const node = fakeCanvasNode();
    fake.canvases.set('#code', { node, width: 200, height: 240 });
    fake.script.setPixelRatio(3);
    const target = await host.canvas!.getCanvas('#code', { scope: {} });
    expect({ width: node.width, height: node.height }).toEqual({ width: 600, height: 720 });
    expect(node.scaled).toEqual([[3, 3]]);
    expect(target).toMatchObject({ width: 200, height: 240, pixelRatio: 3 });
  });

  it('reports a legacy (non-2d) canvas as unsupported and a missing one as host_error', async () => {
    const { fake, host } = setup();
    fake.canvases.set('#old', { width: 10, height: 10 });
    await expect(host.canvas!.getCanvas('#old')).rejects.toMatchObject({ code: 'host/unsupported' });
    await expect(host.canvas!.getCanvas('#none')).rejects.toMatchObject({ code: 'host/host_error' });
  });

  it('turns a synchronous throw from wx into a HostError', async () => {
    const host = wechatHost({ wx: { scanCode: () => { throw new Error('scanCode is not a function'); } } as unknown as WxLike });
    await expect(host.scan!.scanQRCode()).rejects.toMatchObject({ code: 'host/unsupported' });
  });
});

describe('toWechatError', () => {
  it.each([
    ['scanCode:fail cancel', 'host/cancelled'],
    ['getLocation:fail auth deny', 'host/denied'],
    ['getLocation:fail:auth denied', 'host/denied'],
    ['request:fail timeout', 'host/timeout'],
    ['setStorage:fail exceed storage item max length', 'host/too_large'],
    ['login:fail something odd', 'host/host_error'],
  ])('maps %s to %s', (errMsg, code) => {
    const error = toWechatError({ errMsg });
    expect(error).toBeInstanceOf(HostError);
    expect(error.code).toBe(code);
    expect(error.raw).toEqual({ errMsg });
  });
});

describe('registration', () => {
  afterEach(() => {
    unregisterHost('wechat');
    vi.unstubAllGlobals();
  });

  it('registers through the public registry and is detected by the global wx', async () => {
    registerWechatHost();
    expect(listHosts()).toContain('wechat');
    const fake = createFakeWx(conformanceServer);
    vi.stubGlobal('wx', fake.wx);
    const host = createHost('auto');
    expect(host.name).toBe('wechat');
    expect(await host.identity!.getAuthCode()).toEqual({ code: 'wx-code-1' });
  });

  it('prefers explicitly injected wx over the global', async () => {
    registerWechatHost();
    const fake = createFakeWx(conformanceServer, { context: 'plugin' });
    const host = createHost('wechat', { wx: fake.wx, context: 'plugin' });
    expect(await host.identity!.getAuthCode()).toEqual({ code: 'wx-code-1' });
  });
});
