// A fake Suishenban JSBridge following docs/hosts/suishenban.md: one `call(api, params,
// callback)` entry point answering asynchronously, `{ error, errorMessage }` on failure,
// string storage with a 128 KB per-key limit, every HTTP status as a result, and
// `on`/`off` events. Requests go to a FakeServer.
import type { BridgeResult, SuishenbanBridge } from '@healthcode/adapter-suishenban';
import { createFakeDevice, type FakeDevice, type FakeServer, type HostScript } from '@healthcode/test-utils';

const ITEM_LIMIT = 128 * 1024;

export interface FakeBridge {
  bridge: SuishenbanBridge;
  script: HostScript;
  device: FakeDevice;
  storage: Map<string, string>;
  calls: { api: string; params: Record<string, unknown> }[];
}

type Handler = (params: Record<string, any>) => BridgeResult;

const fail = (error: number, errorMessage: string): BridgeResult => ({ error, errorMessage });

export function createFakeBridge(server: FakeServer): FakeBridge {
  const { device, script } = createFakeDevice();
  const storage = new Map<string, string>();
  const calls: FakeBridge['calls'] = [];
  let authCount = 0;

  const handlers: Record<string, Handler> = {
    getAuthCode: () => ({ authCode: `ssb-code-${++authCount}` }),
    startRealNameVerify: () => ({ ticket: `ssb-ticket-${++authCount}` }),
    getStorage: ({ key }) => ({ data: storage.get(key) ?? null }),
    setStorage: ({ key, data }) => {
      if (typeof data !== 'string') return fail(1, 'data must be a string');
      if (Buffer.byteLength(data) > ITEM_LIMIT) return fail(12, 'storage quota exceeded');
      storage.set(key, data);
      return {};
    },
    removeStorage: ({ key }) => (storage.delete(key), {}),
    httpRequest: ({ url, method = 'GET', headers = {}, data }) => {
      const failure = device.takeFailure('request');
      if (failure === 'network') return fail(10, 'network unreachable');
      if (failure === 'timeout') return fail(11, 'request timed out');
      const res = server({ url, method, headers, ...(data !== undefined && { body: data }) });
      return { status: res.status, headers: res.headers, data: res.body };
    },
    scan: () => {
      const text = device.takeFailure('scan') === 'cancelled' ? undefined : device.scans.shift();
      return text === undefined ? fail(4, 'user cancelled') : { qrCode: text };
    },
    toast: () => ({}),
    confirm: () => ({ ok: device.confirms.shift() ?? true }),
    showLoading: () => ({}),
    hideLoading: () => ({}),
    getScreenBrightness: () => ({ brightness: device.brightness }),
    setScreenBrightness: ({ brightness }) => ((device.brightness = brightness), {}),
    setKeepScreenOn: ({ keepScreenOn }) => ((device.keepScreenOn = keepScreenOn), {}),
    getSystemInfo: () => ({ pixelRatio: device.pixelRatio, platform: 'android', language: 'zh-CN', screenWidth: 360, screenHeight: 780 }),
    getLocation: () => {
      if (device.takeFailure('location') === 'denied') return fail(3, 'no location permission');
      // Some app versions send numeric strings, as mPaaS does.
      return { latitude: String(device.location.latitude), longitude: device.location.longitude, accuracy: 30 };
    },
  };

  const bridge: SuishenbanBridge = {
    call(api, params, callback) {
      calls.push({ api, params });
      const handler = handlers[api];
      const result = handler ? handler(params) : fail(2, `unknown API ${api}`);
      void Promise.resolve().then(() => callback(result));
    },
    on: (event, listener) => void (event === 'userCaptureScreen' && device.screenshotListeners.add(listener)),
    off: (event, listener) => void (event === 'userCaptureScreen' && device.screenshotListeners.delete(listener)),
  };
  return { bridge, script, device, storage, calls };
}
