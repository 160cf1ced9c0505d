import { createEventFanout, type CallbackHandlers, normaliseCoordinates, promisifyCallbackApi } from '@healthcode/core/host/kit';
import {
  type HostLocation,
  type HostScan,
  type HostScreen,
  type HostScreenshotEvents,
  type HostSystem,
  type HostSystemInfo,
  type HostUI,
} from '@healthcode/core';
import { toWechatError } from './errors.js';
import { WECHAT, type WxLike } from './wx-api.js';

/** `wx.scanCode`, QR codes only; the decoded text is in `result`, a closed scanner is "fail cancel". */
export function wechatScan(wx: WxLike): HostScan | undefined {
  if (!wx.scanCode) return undefined;
  return {
    scanQRCode: (options) =>
      promisifyCallbackApi<WechatMiniprogram.ScanCodeSuccessCallbackResult>(
        (h) => wx.scanCode!({ onlyFromCamera: options?.onlyFromCamera ?? false, scanType: ['qrCode'], ...h }),
        toWechatError,
      ).then((res) => ({ text: res.result })),
  };
}

/** Toasts, `showModal` as confirm, and the loading indicator. */
export function wechatUI(wx: WxLike): HostUI | undefined {
  const { showToast, showModal, showLoading, hideLoading } = wx;
  if (!showToast || !showModal || !showLoading || !hideLoading) return undefined;
  const done = (invoke: (h: CallbackHandlers<unknown>) => unknown) => promisifyCallbackApi(invoke, toWechatError).then(() => undefined);
  return {
    toast: ({ title, icon = 'none', durationMs }) =>
      done((h) => wx.showToast!({ title, icon, ...(durationMs !== undefined && { duration: durationMs }), ...h })),
    confirm: ({ title, content, confirmText, cancelText }) =>
      promisifyCallbackApi<WechatMiniprogram.ShowModalSuccessCallbackResult>(
        (h) =>
          wx.showModal!({
            title,
            content,
            ...(confirmText !== undefined && { confirmText }),
            ...(cancelText !== undefined && { cancelText }),
            ...h,
          }),
        toWechatError,
      ).then((res) => res.confirm),
    showLoading: ({ title }) => done((h) => wx.showLoading!({ title, mask: true, ...h })),
    hideLoading: () => done((h) => wx.hideLoading!({ ...h })),
  };
}

/** Brightness (WeChat's `value` is already 0 to 1) and keep-screen-on. */
export function wechatScreen(wx: WxLike): HostScreen | undefined {
  const { getScreenBrightness, setScreenBrightness, setKeepScreenOn } = wx;
  if (!getScreenBrightness || !setScreenBrightness || !setKeepScreenOn) return undefined;
  return {
    getBrightness: () =>
      promisifyCallbackApi<WechatMiniprogram.GetScreenBrightnessSuccessCallbackOption>(
        (h) => wx.getScreenBrightness!({ ...h }),
        toWechatError,
      ).then((res) => res.value),
    setBrightness: (value) => promisifyCallbackApi((h) => wx.setScreenBrightness!({ value, ...h }), toWechatError).then(() => undefined),
    setKeepScreenOn: (keepScreenOn) =>
      promisifyCallbackApi((h) => wx.setKeepScreenOn!({ keepScreenOn, ...h }), toWechatError).then(() => undefined),
  };
}

/**
 * Screenshot events. The typings declare `offUserCaptureScreen()` without a listener, and
 * called that way it removes every listener in the mini-program, so the adapter keeps one
 * dispatcher and passes it back to `off` so only its own listener goes.
 */
export function wechatScreenshot(wx: WxLike): HostScreenshotEvents | undefined {
  const { onUserCaptureScreen, offUserCaptureScreen } = wx;
  if (!onUserCaptureScreen || !offUserCaptureScreen) return undefined;
  const off = offUserCaptureScreen as (listener?: () => void) => void;
  return {
    onScreenshot: createEventFanout({
      attach: (dispatch) => wx.onUserCaptureScreen!(dispatch),
      detach: (dispatch) => off.call(wx, dispatch),
    }),
  };
}

/**
 * Device facts from `getWindowInfo`/`getDeviceInfo`/`getAppBaseInfo` (base library
 * 2.20.1+), else the deprecated `getSystemInfo`. WeChat reports language as `zh_CN`;
 * it is returned in BCP 47 form, `zh-CN`.
 */
export function wechatSystem(wx: WxLike): HostSystem | undefined {
  if (!wx.getWindowInfo && !wx.getSystemInfo) return undefined;
  return {
    getSystemInfo: async () => {
      if (wx.getWindowInfo) {
        try {
          const window = wx.getWindowInfo();
          const device = wx.getDeviceInfo?.();
          const base = wx.getAppBaseInfo?.();
          return systemInfo({ ...window, platform: device?.platform, language: base?.language });
        } catch (raw) {
          throw toWechatError(raw);
        }
      }
      const info = await promisifyCallbackApi<WechatMiniprogram.SystemInfo>((h) => wx.getSystemInfo!({ ...h }), toWechatError);
      return systemInfo(info);
    },
  };
}

function systemInfo(raw: {
  pixelRatio: number;
  screenWidth: number;
  screenHeight: number;
  platform?: string | undefined;
  language?: string | undefined;
}): HostSystemInfo {
  return {
    pixelRatio: raw.pixelRatio,
    screenWidth: raw.screenWidth,
    screenHeight: raw.screenHeight,
    platform: raw.platform ?? 'unknown',
    language: (raw.language ?? 'zh_CN').replace(/_/g, '-'),
  };
}

/** `wx.getLocation` in WGS-84; a refused permission is "auth deny". */
export function wechatLocation(wx: WxLike): HostLocation | undefined {
  if (!wx.getLocation) return undefined;
  return {
    getLocation: () =>
      promisifyCallbackApi<WechatMiniprogram.GetLocationSuccessCallbackResult>(
        (h) => wx.getLocation!({ type: 'wgs84', ...h }),
        toWechatError,
      ).then((res) => normaliseCoordinates(WECHAT, res)),
  };
}
