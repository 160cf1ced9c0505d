import { createJsonStorage, promisifyCallbackApi } from '@healthcode/core/host/kit';
import { type HostStorage } from '@healthcode/core';
import { errMsgOf, toWechatError } from './errors.js';
import { WECHAT, WECHAT_MAX_VALUE_BYTES, type WxLike } from './wx-api.js';

/** Storage over `wx.getStorage`/`setStorage`/`removeStorage`; an absent key fails with "data not found". */
export function wechatStorage(wx: WxLike): HostStorage | undefined {
  const { getStorage, setStorage, removeStorage } = wx;
  if (!getStorage || !setStorage || !removeStorage) return undefined;
  return createJsonStorage({
    host: WECHAT,
    maxValueBytes: WECHAT_MAX_VALUE_BYTES,
    getRaw: (key) =>
      promisifyCallbackApi<string | undefined>(
        (h) =>
          wx.getStorage!({
            key,
            success: (res) => h.success(typeof res.data === 'string' ? res.data : JSON.stringify(res.data)),
            fail: (err) => (/data not found/i.test(errMsgOf(err)) ? h.success(undefined) : h.fail(err)),
          }),
        toWechatError,
      ),
    setRaw: async (key, data) => {
      await promisifyCallbackApi((h) => wx.setStorage!({ key, data, ...h }), toWechatError);
    },
    removeRaw: async (key) => {
      await promisifyCallbackApi((h) => wx.removeStorage!({ key, ...h }), toWechatError);
    },
  });
}
