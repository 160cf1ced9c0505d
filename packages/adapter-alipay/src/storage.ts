import { createJsonStorage, promisifyCallbackApi } from '@healthcode/core/host/kit';
import { type HostStorage } from '@healthcode/core';
import { toAlipayError } from './errors.js';
import { ALIPAY, ALIPAY_MAX_VALUE_BYTES, type MyLike } from './my-api.js';

/**
 * Storage over `my.getStorage`/`setStorage({ key, data })`/`removeStorage`. Unlike WeChat,
 * an absent key succeeds with `data: null`, and the host's own size errors are reported
 * with a message rather than a dedicated number, so both are handled here.
 */
export function alipayStorage(my: MyLike): HostStorage | undefined {
  const { getStorage, setStorage, removeStorage } = my;
  if (!getStorage || !setStorage || !removeStorage) return undefined;
  return createJsonStorage({
    host: ALIPAY,
    maxValueBytes: ALIPAY_MAX_VALUE_BYTES,
    getRaw: (key) =>
      promisifyCallbackApi<{ data: unknown }>((h) => my.getStorage!({ key, ...h }), toAlipayError).then(({ data }) =>
        data === null || data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data),
      ),
    setRaw: async (key, data) => {
      await promisifyCallbackApi(
        (h) => my.setStorage!({ key, data, ...h }),
        (raw) => toAlipayError(raw, 'storage'),
      );
    },
    removeRaw: async (key) => {
      await promisifyCallbackApi((h) => my.removeStorage!({ key, ...h }), toAlipayError);
    },
  });
}
