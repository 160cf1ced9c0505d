/// <reference types="miniprogram-api-typings" />
// A faithful fake of the `wx` APIs the adapter uses: callback style, real result and
// error shapes ("<api>:ok", "<api>:fail <reason>"), WeChat's storage limits, non-2xx
// responses in `success`, and scriptable failures. Requests go to a FakeServer.
import {
  createFakeDevice,
  fakeSelectorQuery,
  type FakeCallbacks as Callbacks,
  type FakeCanvasFields,
  type FakeDevice,
  type FakeServer,
  type HostScript,
} from '@healthcode/test-utils';

const ITEM_LIMIT = 1024 * 1024;
const TOTAL_LIMIT = 10 * 1024 * 1024;
const METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'];

export interface FakeWx {
  wx: Record<string, (...args: any[]) => any>;
  script: HostScript;
  device: FakeDevice;
  storage: Map<string, unknown>;
  requests: Record<string, unknown>[];
  canvases: Map<string, FakeCanvasFields>;
}

/** Options of {@link createFakeWx}. */
export interface FakeWxOptions {
  /** A plugin's `wx` has `pluginLogin` instead of `login`. */
  context?: 'app' | 'plugin';
  /** Drop `getWindowInfo` & co., as on base libraries before 2.20.1. */
  legacySystemInfo?: boolean;
}

// WeChat answers asynchronously: success or fail, then complete.
function answer(api: string, cb: Callbacks, outcome: { ok: Record<string, unknown> } | { fail: string; extra?: object }) {
  void Promise.resolve().then(() => {
    const res = 'ok' in outcome ? { ...outcome.ok, errMsg: `${api}:ok` } : { errMsg: `${api}:fail ${outcome.fail}`, ...outcome.extra };
    ('ok' in outcome ? cb.success : cb.fail)?.(res);
    cb.complete?.(res);
  });
}

export function createFakeWx(server: FakeServer, options: FakeWxOptions = {}): FakeWx {
  const { device, script } = createFakeDevice();
  const storage = new Map<string, unknown>();
  const requests: Record<string, unknown>[] = [];
  const canvases: FakeWx['canvases'] = new Map();
  let loginCount = 0;
  const storedBytes = (value: unknown) => Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value));
  const totalBytes = () => [...storage.values()].reduce<number>((n, v) => n + storedBytes(v), 0);
  const login = (api: string) => (cb: Callbacks) => answer(api, cb, { ok: { code: `wx-code-${++loginCount}` } });
  const windowInfo = () => ({ pixelRatio: device.pixelRatio, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 750 });

  const wx: FakeWx['wx'] = {
    ...(options.context === 'plugin' ? { pluginLogin: login('pluginLogin') } : { login: login('login') }),
    getStorage(o: { key: string } & Callbacks) {
      if (!storage.has(o.key)) return answer('getStorage', o, { fail: 'data not found' });
      answer('getStorage', o, { ok: { data: storage.get(o.key) } });
    },
    setStorage(o: { key: string; data: unknown } & Callbacks) {
      if (storedBytes(o.data) > ITEM_LIMIT) return answer('setStorage', o, { fail: 'exceed storage item max length' });
      if (totalBytes() + storedBytes(o.data) > TOTAL_LIMIT) return answer('setStorage', o, { fail: 'exceed storage max size 10MB' });
      storage.set(o.key, o.data);
      answer('setStorage', o, { ok: {} });
    },
    removeStorage(o: { key: string } & Callbacks) {
      storage.delete(o.key);
      answer('removeStorage', o, { ok: {} });
    },
    request(o: WechatMiniprogram.RequestOption & Callbacks) {
      requests.push(o as unknown as Record<string, unknown>);
      const method = o.method ?? 'GET';
      const failure = device.takeFailure('request');
      if (!METHODS.includes(method)) {
        answer('request', o, { fail: `parameter error: parameter.method should be one of ${METHODS.join(', ')}` });
      } else if (failure === 'timeout') {
        answer('request', o, { fail: 'timeout', extra: { errno: 5 } });
      } else if (failure === 'network') {
        answer('request', o, { fail: '-101:net::ERR_CONNECTION_RESET', extra: { errno: 600001 } });
      } else {
        const body = typeof o.data === 'string' ? o.data : o.data === undefined ? undefined : JSON.stringify(o.data);
        const res = server({
          url: o.url,
          method,
          headers: { ...(o.header as Record<string, string>) },
          ...(body !== undefined && { body }),
        });
        let data: unknown = res.body;
        if ((o.dataType ?? 'json') === 'json') {
          try {
            data = JSON.parse(res.body);
          } catch {
            // WeChat leaves an unparsable body as text.
          }
        }
        // Every status, 404 included, is a success with statusCode.
        answer('request', o, { ok: { data, statusCode: res.status, header: res.headers, cookies: [] } });
      }
      return { abort() {} };
    },
    scanCode(o: Callbacks) {
      const text = device.takeFailure('scan') === 'cancelled' ? undefined : device.scans.shift();
      if (text === undefined) return answer('scanCode', o, { fail: 'cancel' });
      answer('scanCode', o, { ok: { result: text, scanType: 'QR_CODE', charSet: 'UTF-8', rawData: Buffer.from(text).toString('base64') } });
    },
    showToast: (o: Callbacks) => answer('showToast', o, { ok: {} }),
    showLoading: (o: Callbacks) => answer('showLoading', o, { ok: {} }),
    hideLoading: (o: Callbacks) => answer('hideLoading', o, { ok: {} }),
    showModal(o: Callbacks) {
      const confirm = device.confirms.shift() ?? true;
      answer('showModal', o, { ok: { confirm, cancel: !confirm } });
    },
    getScreenBrightness: (o: Callbacks) => answer('getScreenBrightness', o, { ok: { value: device.brightness } }),
    setScreenBrightness(o: { value: number } & Callbacks) {
      device.brightness = o.value;
      answer('setScreenBrightness', o, { ok: {} });
    },
    setKeepScreenOn(o: { keepScreenOn: boolean } & Callbacks) {
      device.keepScreenOn = o.keepScreenOn;
      answer('setKeepScreenOn', o, { ok: {} });
    },
    onUserCaptureScreen: (listener: () => void) => void device.screenshotListeners.add(listener),
    // As on devices: without a listener, every listener goes.
    offUserCaptureScreen: (listener?: () => void) =>
      void (listener ? device.screenshotListeners.delete(listener) : device.screenshotListeners.clear()),
    getSystemInfo: (o: Callbacks) => answer('getSystemInfo', o, { ok: { ...windowInfo(), platform: 'android', language: 'en' } }),
    ...(!options.legacySystemInfo && {
      getWindowInfo: windowInfo,
      getDeviceInfo: () => ({ platform: 'ios', system: 'iOS 17.0', model: 'iPhone 15', brand: 'Apple' }),
      getAppBaseInfo: () => ({ language: 'zh_CN', version: '8.0.50', SDKVersion: '3.4.0' }),
    }),
    getLocation(o: { type?: string } & Callbacks) {
      if (device.takeFailure('location') === 'denied') return answer('getLocation', o, { fail: 'auth deny', extra: { errno: 103 } });
      answer('getLocation', o, { ok: { ...device.location, accuracy: 65, speed: -1, altitude: 0, horizontalAccuracy: 65 } });
    },
    createSelectorQuery: fakeSelectorQuery(canvases),
  };
  return { wx, script, device, storage, requests, canvases };
}
