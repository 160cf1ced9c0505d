/// <reference types="miniprogram-api-typings" />

/**
 * The part of `wx` the adapter uses. Every member is optional: base libraries and
 * plugins lack some (a plugin has `pluginLogin` but no `login`), and the adapter
 * offers a capability only when its APIs are present.
 */
export type WxLike = Partial<
  Pick<
    WechatMiniprogram.Wx,
    | 'login'
    | 'pluginLogin'
    | 'getStorage'
    | 'setStorage'
    | 'removeStorage'
    | 'request'
    | 'scanCode'
    | 'showToast'
    | 'showModal'
    | 'showLoading'
    | 'hideLoading'
    | 'getScreenBrightness'
    | 'setScreenBrightness'
    | 'setKeepScreenOn'
    | 'onUserCaptureScreen'
    | 'offUserCaptureScreen'
    | 'getSystemInfo'
    | 'getWindowInfo'
    | 'getDeviceInfo'
    | 'getAppBaseInfo'
    | 'getLocation'
    | 'createSelectorQuery'
  >
>;

/** Options of `wechatHost`. */
export interface WechatHostOptions {
  /** The `wx` object; pass it explicitly (the global is read only by `createHost('auto')`). */
  wx: WxLike;
  /**
   * `plugin` when the code runs inside a WeChat plugin: identity then uses `wx.pluginLogin`,
   * since `wx.login` is unavailable there. Default `app`.
   */
  context?: 'app' | 'plugin';
}

/** WeChat's per-key storage limit: 1 MB for one key's data. */
export const WECHAT_MAX_VALUE_BYTES = 1024 * 1024;

/** Host name the adapter reports and its errors carry. */
export const WECHAT = 'wechat';
