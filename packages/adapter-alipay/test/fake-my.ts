// A faithful fake of the `my` APIs the adapter uses: callback style, numeric `error` codes
// with `errorMessage`, non-2xx responses in `fail` as error 19 with status and data,
// `getStorage` answering `data: null` for an absent key, a 200 KB per-key limit, and
// coordinates as strings. Requests go to a FakeServer.
import {
  createFakeDevice,
  fakeSelectorQuery,
  type FakeCallbacks as Callbacks,
  type FakeCanvasFields,
  type FakeDevice,
  type FakeServer,
  type HostScript,
} from '@healthcode/test-utils';

const ITEM_LIMIT = 200 * 1024;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'CONNECT'];

export interface FakeMy {
  my: Record<string, (...args: any[]) => any>;
  script: HostScript;
  device: FakeDevice;
  storage: Map<string, unknown>;
  requests: Record<string, unknown>[];
  authRequests: unknown[];
  canvases: Map<string, FakeCanvasFields>;
  /** When set, `getAuthCode` with this scope is refused with the given error number. */
  refuseScope: { scope: string; error: number } | undefined;
}

function answer(cb: Callbacks, outcome: { ok: object } | { error: number; errorMessage: string; extra?: object }) {
  void Promise.resolve().then(() => {
    const res = 'ok' in outcome ? outcome.ok : { error: outcome.error, errorMessage: outcome.errorMessage, ...outcome.extra };
    ('ok' in outcome ? cb.success : cb.fail)?.(res);
    cb.complete?.(res);
  });
}

export function createFakeMy(server: FakeServer): FakeMy {
  const { device, script } = createFakeDevice();
  let authCount = 0;
  const fake: FakeMy = {
    my: {},
    script,
    device,
    storage: new Map(),
    requests: [],
    authRequests: [],
    canvases: new Map(),
    refuseScope: undefined,
  };
  const windowInfo = () => ({ pixelRatio: device.pixelRatio, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 700 });
  fake.my = {
    getAuthCode(o: { scopes?: string | string[] } & Callbacks) {
      fake.authRequests.push(o.scopes);
      const scopes = [o.scopes ?? 'auth_base'].flat();
      if (fake.refuseScope && scopes.includes(fake.refuseScope.scope)) {
        return answer(o, { error: fake.refuseScope.error, errorMessage: '用户拒绝授权' });
      }
      answer(o, { ok: { authCode: `my-code-${++authCount}`, authSuccessScopes: scopes, authErrorScopes: {} } });
    },
    getStorage(o: { key: string } & Callbacks) {
      answer(o, { ok: { data: fake.storage.has(o.key) ? fake.storage.get(o.key) : null } });
    },
    setStorage(o: { key: string; data: unknown } & Callbacks) {
      const bytes = Buffer.byteLength(typeof o.data === 'string' ? o.data : JSON.stringify(o.data));
      if (bytes > ITEM_LIMIT) return answer(o, { error: 15, errorMessage: 'exceed single item size limit of 200KB' });
      fake.storage.set(o.key, o.data);
      answer(o, { ok: {} });
    },
    removeStorage(o: { key: string } & Callbacks) {
      fake.storage.delete(o.key);
      answer(o, { ok: { success: true } });
    },
    request(o: { url: string; method?: string; headers?: Record<string, string>; data?: unknown; dataType?: string } & Callbacks) {
      fake.requests.push(o);
      const method = o.method ?? 'GET';
      const failure = device.takeFailure('request');
      if (!METHODS.includes(method)) return answer(o, { error: 2, errorMessage: 'invalid method' });
      if (failure === 'timeout') return answer(o, { error: 13, errorMessage: '超时' });
      if (failure === 'network') return answer(o, { error: 12, errorMessage: '网络出错' });
      const body = typeof o.data === 'string' ? o.data : o.data === undefined ? undefined : JSON.stringify(o.data);
      const res = server({ url: o.url, method, headers: { ...o.headers }, ...(body !== undefined && { body }) });
      let data: unknown = res.body;
      if ((o.dataType ?? 'json') === 'json') {
        try {
          data = JSON.parse(res.body);
        } catch {
          return answer(o, { error: 14, errorMessage: 'JSON parse data error' });
        }
      }
      if (res.status < 200 || res.status >= 300) {
        return answer(o, { error: 19, errorMessage: 'http status error', extra: { status: res.status, data, headers: res.headers } });
      }
      answer(o, { ok: { data, status: res.status, headers: res.headers } });
    },
    scan(o: Callbacks) {
      const text = device.takeFailure('scan') === 'cancelled' ? undefined : device.scans.shift();
      if (text === undefined) return answer(o, { error: 10, errorMessage: '用户取消' });
      answer(o, {
        ok: { code: text, qrCode: text, rawData: Buffer.from(text).toString('base64'), imageChannel: 'camera', scanType: 'qrCode' },
      });
    },
    showToast: (o: Callbacks) => answer(o, { ok: {} }),
    showLoading: (o: Callbacks) => answer(o, { ok: {} }),
    hideLoading: (o: Callbacks) => answer(o, { ok: {} }),
    confirm: (o: Callbacks) => answer(o, { ok: { confirm: device.confirms.shift() ?? true } }),
    getScreenBrightness: (o: Callbacks) => answer(o, { ok: { success: true, brightness: device.brightness } }),
    setScreenBrightness(o: { brightness: number } & Callbacks) {
      device.brightness = o.brightness;
      answer(o, { ok: { success: true } });
    },
    setKeepScreenOn(o: { keepScreenOn: boolean } & Callbacks) {
      device.keepScreenOn = o.keepScreenOn;
      answer(o, { ok: { success: true } });
    },
    onUserCaptureScreen: (cb: () => void) => void device.screenshotListeners.add(cb),
    offUserCaptureScreen: (cb?: () => void) => void (cb ? device.screenshotListeners.delete(cb) : device.screenshotListeners.clear()),
    getSystemInfo: (o: Callbacks) =>
      answer(o, { ok: { ...windowInfo(), platform: 'iOS', language: 'zh-Hans', model: 'iPhone15,2', version: '10.5.90', app: 'alipay' } }),
    getWindowInfo: windowInfo,
    getLocation(o: Callbacks) {
      if (device.takeFailure('location') === 'denied') return answer(o, { error: 2001, errorMessage: '用户拒绝给小程序授权' });
      const { latitude, longitude } = device.location;
      answer(o, { ok: { latitude: String(latitude), longitude: String(longitude), accuracy: '65', horizontalAccuracy: '65' } });
    },
    createSelectorQuery: fakeSelectorQuery(fake.canvases),
  };
  return fake;
}
