import { createEventFanout, normaliseCoordinates, promisifyCallbackApi, type CallbackHandlers } from '@healthcode/core/host/kit';
import {
  type HostLocation,
  type HostScan,
  type HostScreen,
  type HostScreenshotEvents,
  type HostSystem,
  type HostUI,
} from '@healthcode/core';
import { toAlipayError } from './errors.js';
import { ALIPAY, type MyLike } from './my-api.js';

/** `my.scan`, QR codes only; the decoded text is in `code`. `onlyFromCamera` maps to `hideAlbum`. */
export function alipayScan(my: MyLike): HostScan | undefined {
  if (!my.scan) return undefined;
  return {
    scanQRCode: (options) =>
      promisifyCallbackApi<{ code: string }>(
        (h) => my.scan!({ scanType: ['qrCode'], hideAlbum: options?.onlyFromCamera ?? false, ...h }),
        (raw) => toAlipayError(raw, 'scan'),
      ).then((res) => ({ text: res.code })),
  };
}

const TOAST_TYPES = { success: 'success', error: 'fail', loading: 'loading', none: 'none' } as const;

/** `my.showToast` (`content`, `type`), `my.confirm`, and the loading indicator (`content`). */
export function alipayUI(my: MyLike): HostUI | undefined {
  const { showToast, confirm, showLoading, hideLoading } = my;
  if (!showToast || !confirm || !showLoading || !hideLoading) return undefined;
  const done = (invoke: (h: CallbackHandlers<unknown>) => unknown) => promisifyCallbackApi(invoke, toAlipayError).then(() => undefined);
  return {
    toast: ({ title, icon = 'none', durationMs }) =>
      done((h) =>
        my.showToast!({ content: title, type: TOAST_TYPES[icon], ...(durationMs !== undefined && { duration: durationMs }), ...h }),
      ),
    confirm: ({ title, content, confirmText, cancelText }) =>
      promisifyCallbackApi<{ confirm: boolean }>(
        (h) =>
          my.confirm!({
            title,
            content,
            ...(confirmText !== undefined && { confirmButtonText: confirmText }),
            ...(cancelText !== undefined && { cancelButtonText: cancelText }),
            ...h,
          }),
        toAlipayError,
      ).then((res) => res.confirm),
    showLoading: ({ title }) => done((h) => my.showLoading!({ content: title, ...h })),
    hideLoading: () => done((h) => my.hideLoading!({ ...h })),
  };
}

/** Brightness as `brightness` (0 to 1) and keep-screen-on. */
export function alipayScreen(my: MyLike): HostScreen | undefined {
  const { getScreenBrightness, setScreenBrightness, setKeepScreenOn } = my;
  if (!getScreenBrightness || !setScreenBrightness || !setKeepScreenOn) return undefined;
  return {
    getBrightness: () =>
      promisifyCallbackApi<{ brightness: number }>((h) => my.getScreenBrightness!({ ...h }), toAlipayError).then((res) => res.brightness),
    setBrightness: (brightness) =>
      promisifyCallbackApi((h) => my.setScreenBrightness!({ brightness, ...h }), toAlipayError).then(() => undefined),
    setKeepScreenOn: (keepScreenOn) =>
      promisifyCallbackApi((h) => my.setKeepScreenOn!({ keepScreenOn, ...h }), toAlipayError).then(() => undefined),
  };
}

/** Screenshot events; `offUserCaptureScreen()` without a callback removes every listener, so one dispatcher is shared. */
export function alipayScreenshot(my: MyLike): HostScreenshotEvents | undefined {
  const { onUserCaptureScreen, offUserCaptureScreen } = my;
  if (!onUserCaptureScreen || !offUserCaptureScreen) return undefined;
  return {
    onScreenshot: createEventFanout({
      attach: (dispatch) => my.onUserCaptureScreen!(dispatch),
      detach: (dispatch) => my.offUserCaptureScreen!(dispatch),
    }),
  };
}

/** `my.getSystemInfo`; Alipay's `language` is already a BCP 47 tag such as `zh-Hans` or `en`. */
export function alipaySystem(my: MyLike): HostSystem | undefined {
  if (!my.getSystemInfo) return undefined;
  return {
    getSystemInfo: () =>
      promisifyCallbackApi<{ pixelRatio: number; platform: string; language: string; screenWidth: number; screenHeight: number }>(
        (h) => my.getSystemInfo!({ ...h }),
        toAlipayError,
      ).then(({ pixelRatio, platform, language, screenWidth, screenHeight }) => ({
        pixelRatio,
        platform,
        language,
        screenWidth,
        screenHeight,
      })),
  };
}

/** `my.getLocation`, whose latitude, longitude and accuracy arrive as strings. */
export function alipayLocation(my: MyLike): HostLocation | undefined {
  if (!my.getLocation) return undefined;
  return {
    getLocation: () =>
      promisifyCallbackApi<{ latitude: string; longitude: string; accuracy?: string }>(
        (h) => my.getLocation!({ ...h }),
        (raw) => toAlipayError(raw, 'location'),
      ).then((res) => normaliseCoordinates(ALIPAY, res)),
  };
}
