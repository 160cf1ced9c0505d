/// <reference types="@mini-types/my" />

type My = typeof my;

/** The part of `my` the adapter uses; members are optional and detected per capability. */
export type MyLike = Partial<
  Pick<
    My,
    | 'getAuthCode'
    | 'getStorage'
    | 'setStorage'
    | 'removeStorage'
    | 'request'
    | 'scan'
    | 'showToast'
    | 'confirm'
    | 'showLoading'
    | 'hideLoading'
    | 'getScreenBrightness'
    | 'setScreenBrightness'
    | 'setKeepScreenOn'
    | 'onUserCaptureScreen'
    | 'offUserCaptureScreen'
    | 'getSystemInfo'
    | 'getWindowInfo'
    | 'getLocation'
    | 'createSelectorQuery'
  >
>;

/** Options of `alipayHost`. */
export interface AlipayHostOptions {
  /** The `my` object; pass it explicitly (the global is read only by `createHost('auto')`). */
  my: MyLike;
  /** Scopes `getAuthCode` asks for when the caller names none; default `['auth_base']` (silent). */
  defaultScopes?: string[];
}

/** The failure object every `my.*` API passes to `fail`. */
export interface AlipayFailure {
  error?: number;
  errorMessage?: string;
}

/** Alipay's per-key storage limit: 200 KB for one key's data. */
export const ALIPAY_MAX_VALUE_BYTES = 200 * 1024;

/** Host name the adapter reports and its errors carry. */
export const ALIPAY = 'alipay';
