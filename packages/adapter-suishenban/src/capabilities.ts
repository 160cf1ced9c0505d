import {
  createEventFanout,
  createHostRequest,
  createJsonStorage,
  normaliseCoordinates,
  prepareCanvas2D,
} from '@healthcode/core/host/kit';
import {
  HostError,
  type HostCanvas,
  type HostIdentity,
  type HostLocation,
  type HostRequest,
  type HostScan,
  type HostScreen,
  type HostScreenshotEvents,
  type HostStorage,
  type HostSystem,
  type HostUI,
} from '@healthcode/core';
import {
  SUISHENBAN,
  SUISHENBAN_MAX_VALUE_BYTES,
  type SuishenbanBridge,
  type SuishenbanHostOptions,
} from './bridge.js';
import type { BridgeCall, BridgeGate } from './gate.js';

// One factory per capability; the API names and shapes are specified in docs/hosts/suishenban.md.

/** `getAuthCode` and `startRealNameVerify`, which government apps offer on top of login. */
export function suishenbanIdentity(call: BridgeCall): HostIdentity {
  return {
    getAuthCode: async (options) => {
      const { authCode } = await call<{ authCode: string }>('getAuthCode', { scopes: options?.scopes ?? ['auth_base'] });
      return { code: authCode };
    },
    verifyRealName: async (options) => {
      const { ticket } = await call<{ ticket: string }>('startRealNameVerify', { reason: options?.reason ?? '' });
      return { ticket };
    },
  };
}

/** String storage: `getStorage` answers `data: null` for an absent key. */
export function suishenbanStorage(call: BridgeCall): HostStorage {
  return createJsonStorage({
    host: SUISHENBAN,
    maxValueBytes: SUISHENBAN_MAX_VALUE_BYTES,
    getRaw: async (key) => (await call<{ data: string | null }>('getStorage', { key })).data ?? undefined,
    setRaw: async (key, data) => void (await call('setStorage', { key, data })),
    removeRaw: async (key) => void (await call('removeStorage', { key })),
  });
}

/** `httpRequest`: every HTTP status is a result; errors 10 and 11 are network and timeout. */
export function suishenbanRequest(call: BridgeCall): HostRequest {
  return createHostRequest(SUISHENBAN, async (req) => {
    const res = await call<{ status: number; headers: unknown; data: string }>('httpRequest', {
      url: req.url,
      method: req.method,
      headers: req.headers,
      ...(req.body !== undefined && { data: req.body }),
      ...(req.timeoutMs !== undefined && { timeout: req.timeoutMs }),
    });
    return { status: res.status, headers: res.headers, body: res.data };
  });
}

/** `scan` with `type: 'qr'`; the text is in `qrCode`. */
export function suishenbanScan(call: BridgeCall): HostScan {
  return {
    scanQRCode: async (options) => {
      const { qrCode } = await call<{ qrCode: string }>('scan', { type: 'qr', onlyFromCamera: options?.onlyFromCamera ?? false });
      return { text: qrCode };
    },
  };
}

const TOAST_TYPES = { success: 'success', error: 'fail', loading: 'loading', none: 'none' } as const;

/** `toast`, `confirm` (answers `ok`), `showLoading`, `hideLoading`. */
export function suishenbanUI(call: BridgeCall): HostUI {
  return {
    toast: async ({ title, icon = 'none', durationMs }) =>
      void (await call('toast', { content: title, type: TOAST_TYPES[icon], ...(durationMs !== undefined && { duration: durationMs }) })),
    confirm: async ({ title, content, confirmText, cancelText }) => {
      const { ok } = await call<{ ok: boolean }>('confirm', {
        title,
        message: content,
        ...(confirmText !== undefined && { okButton: confirmText }),
        ...(cancelText !== undefined && { cancelButton: cancelText }),
      });
      return ok === true;
    },
    showLoading: async ({ title }) => void (await call('showLoading', { text: title })),
    hideLoading: async () => void (await call('hideLoading')),
  };
}

/** Brightness on a 0 to 1 scale and keep-screen-on. */
export function suishenbanScreen(call: BridgeCall): HostScreen {
  return {
    getBrightness: async () => (await call<{ brightness: number }>('getScreenBrightness')).brightness,
    setBrightness: async (brightness) => void (await call('setScreenBrightness', { brightness })),
    setKeepScreenOn: async (keepScreenOn) => void (await call('setKeepScreenOn', { keepScreenOn })),
  };
}

/**
 * The `userCaptureScreen` bridge event. With the bridge present, (un)subscribing is
 * immediate; before it is injected, steps queue in order until it is.
 */
export function suishenbanScreenshot(gate: Pick<BridgeGate, 'current' | 'ready'>): HostScreenshotEvents {
  let queue: Promise<void> | undefined;
  const withBridge = (use: (bridge: SuishenbanBridge) => void): void => {
    const now = queue ? undefined : gate.current();
    if (now) return use(now);
    // A bridge that never arrives has no events to miss; the failure surfaces on API calls.
    const step: Promise<void> = (queue ?? Promise.resolve()).then(() => gate.ready()).then(use, () => {});
    queue = step;
    void step.then(() => {
      if (queue === step) queue = undefined;
    });
  };
  return {
    onScreenshot: createEventFanout({
      attach: (dispatch) => withBridge((bridge) => bridge.on?.('userCaptureScreen', dispatch)),
      detach: (dispatch) => withBridge((bridge) => bridge.off?.('userCaptureScreen', dispatch)),
    }),
  };
}

/** `getSystemInfo`, already in the `HostSystemInfo` shape. */
export function suishenbanSystem(call: BridgeCall): HostSystem {
  return {
    getSystemInfo: async () => {
      const info = await call<{ pixelRatio: number; platform: string; language: string; screenWidth: number; screenHeight: number }>(
        'getSystemInfo',
      );
      const { pixelRatio, platform, language, screenWidth, screenHeight } = info;
      return { pixelRatio, platform, language, screenWidth, screenHeight };
    },
  };
}

/** `getLocation` in WGS-84; coordinates may arrive as numbers or numeric strings. */
export function suishenbanLocation(call: BridgeCall): HostLocation {
  return {
    getLocation: async () =>
      normaliseCoordinates(SUISHENBAN, await call<{ latitude: unknown; longitude: unknown }>('getLocation', { type: 'wgs84' })),
  };
}

/** A DOM `<canvas>` in the web view, sized by `devicePixelRatio`. */
export function suishenbanCanvas(dom: SuishenbanHostOptions['dom']): HostCanvas | undefined {
  if (!dom) return undefined;
  return {
    getCanvas: async (selector) => {
      const element = dom.querySelector(selector);
      if (!element) throw new HostError('host/host_error', `suishenban: no canvas matches ${selector}`, { host: SUISHENBAN, raw: selector });
      const size = { width: element.clientWidth, height: element.clientHeight };
      return prepareCanvas2D(SUISHENBAN, element, size, dom.devicePixelRatio ?? 1);
    },
  };
}
