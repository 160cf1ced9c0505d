import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHost, unregisterHost } from '@healthcode/core/host/kit';
import { HostError } from '@healthcode/core';
import {
  bridgeOptionsFromWindow,
  registerSuishenbanHost,
  suishenbanHost,
  toSuishenbanError,
  type SuishenbanBridge,
} from '@healthcode/adapter-suishenban';
import { conformanceServer, fakeCanvasNode } from '@healthcode/test-utils';
import { createFakeBridge } from './fake-bridge.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ready gate', () => {
  it('queues calls until whenReady fires, then sends them in order', async () => {
    const fake = createFakeBridge(conformanceServer);
    let injected: SuishenbanBridge | undefined;
    let fireReady = () => {};
    const host = suishenbanHost({ bridge: () => injected, whenReady: (onReady) => (fireReady = onReady) });
    const first = host.identity!.getAuthCode();
    const second = host.system!.getSystemInfo();
    await Promise.resolve();
    expect(fake.calls).toHaveLength(0);
    injected = fake.bridge;
    fireReady();
    await expect(first).resolves.toEqual({ code: 'ssb-code-1' });
    await second;
    expect(fake.calls.map((c) => c.api)).toEqual(['getAuthCode', 'getSystemInfo']);
  });

  it('polls for the bridge when no ready signal is given', async () => {
    vi.useFakeTimers();
    const fake = createFakeBridge(conformanceServer);
    let injected: SuishenbanBridge | undefined;
    const host = suishenbanHost({ bridge: () => injected });
    const pending = host.identity!.getAuthCode();
    await vi.advanceTimersByTimeAsync(200);
    injected = fake.bridge;
    await vi.advanceTimersByTimeAsync(100);
    await expect(pending).resolves.toEqual({ code: 'ssb-code-1' });
  });

  it('fails queued calls with timeout when the bridge never appears, and retries later', async () => {
    vi.useFakeTimers();
    let injected: SuishenbanBridge | undefined;
    const host = suishenbanHost({ bridge: () => injected, whenReady: () => {}, readyTimeoutMs: 1000 });
    const pending = host.scan!.scanQRCode();
    const assertion = expect(pending).rejects.toMatchObject({ code: 'host/timeout', host: 'suishenban' });
    await vi.advanceTimersByTimeAsync(1000);
    await assertion;
    const fake = createFakeBridge(conformanceServer);
    fake.script.queueScan('later');
    injected = fake.bridge;
    await expect(host.scan!.scanQRCode()).resolves.toEqual({ text: 'later' });
  });

  it('attaches a screenshot listener made before injection once the bridge arrives', async () => {
    const fake = createFakeBridge(conformanceServer);
    let injected: SuishenbanBridge | undefined;
    let fireReady = () => {};
    const host = suishenbanHost({ bridge: () => injected, whenReady: (onReady) => (fireReady = onReady) });
    const listener = vi.fn();
    host.screenshot!.onScreenshot(listener);
    injected = fake.bridge;
    fireReady();
    await host.system!.getSystemInfo();
    fake.script.takeScreenshot();
    expect(listener).toHaveBeenCalledOnce();
  });
});

describe('suishenbanHost', () => {
  it('verifies real names through startRealNameVerify', async () => {
    const fake = createFakeBridge(conformanceServer);
    const host = suishenbanHost({ bridge: fake.bridge });
    expect(await host.identity!.verifyRealName!({ reason: 'health code' })).toEqual({ ticket: 'ssb-ticket-1' });
    expect(fake.calls[0]).toEqual({ api: 'startRealNameVerify', params: { reason: 'health code' } });
  });

  it('reports an API the app lacks (error 2) as unsupported', async () => {
    const bridge: SuishenbanBridge = { call: (_api, _params, cb) => cb({ error: 2, errorMessage: 'unknown API' }) };
    const host = suishenbanHost({ bridge });
    await expect(host.scan!.scanQRCode()).rejects.toMatchObject({ code: 'host/unsupported', raw: { error: 2 } });
  });

  it('sizes a DOM canvas by devicePixelRatio', async () => {
    const node = Object.assign(fakeCanvasNode(), { clientWidth: 240, clientHeight: 280 });
    const host = suishenbanHost({
      bridge: createFakeBridge(conformanceServer).bridge,
      dom: { querySelector: (s) => (s === '#code' ? node : null), devicePixelRatio: 2 },
    });
    expect(await host.canvas!.getCanvas('#code')).toMatchObject({ width: 240, height: 280, pixelRatio: 2 });
    expect([node.width, node.height]).toEqual([480, 560]);
    await expect(host.canvas!.getCanvas('#none')).rejects.toMatchObject({ code: 'host/host_error' });
  });

  it('finds the bridge and ready event on a window', async () => {
    const fake = createFakeBridge(conformanceServer);
    const listeners: Record<string, () => void> = {};
    const win: { SuishenbanJSBridge?: SuishenbanBridge; document: object } = {
      document: { addEventListener: (type: string, l: () => void) => (listeners[type] = l), querySelector: () => null },
    };
    const host = suishenbanHost(bridgeOptionsFromWindow(win));
    const pending = host.identity!.getAuthCode();
    win.SuishenbanJSBridge = fake.bridge;
    listeners['SuishenbanJSBridgeReady']!();
    await expect(pending).resolves.toEqual({ code: 'ssb-code-1' });
  });
});

describe('toSuishenbanError', () => {
  it.each([
    [1, 'host/host_error'],
    [2, 'host/unsupported'],
    [3, 'host/denied'],
    [4, 'host/cancelled'],
    [10, 'host/network'],
    [11, 'host/timeout'],
    [12, 'host/too_large'],
    [2001, 'host/denied'],
    [99, 'host/host_error'],
  ] as const)('maps error %i to %s', (error, code) => {
    const failure = toSuishenbanError({ error, errorMessage: 'x' }, 'scan');
    expect(failure).toBeInstanceOf(HostError);
    expect(failure.code).toBe(code);
  });
});

describe('registration', () => {
  afterEach(() => unregisterHost('suishenban'));

  it('is detected by the SuishenbanJSBridge global', async () => {
    registerSuishenbanHost();
    vi.stubGlobal('SuishenbanJSBridge', createFakeBridge(conformanceServer).bridge);
    const host = createHost('auto');
    expect(host.name).toBe('suishenban');
    expect(await host.identity!.getAuthCode()).toEqual({ code: 'ssb-code-1' });
  });
});
