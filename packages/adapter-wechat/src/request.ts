import { createHostRequest, promisifyCallbackApi, type PreparedRequest } from '@healthcode/core/host/kit';
import { type HostRequest, type HttpMethod } from '@healthcode/core';
import { toWechatError } from './errors.js';
import { WECHAT, type WxLike } from './wx-api.js';

/**
 * `wx.request` as a `HostRequest`. WeChat names the request headers `header` and delivers
 * every HTTP status, 404 included, to `success` with `statusCode`; only a failure to get a
 * response reaches `fail`, so an unmatched `fail` is a network error. It has no `PATCH`. `dataType: 'text'`
 * stops WeChat's own JSON parsing so core decides by content type like every host.
 */
export function wechatRequest(wx: WxLike): HostRequest | undefined {
  if (!wx.request) return undefined;
  const send = (req: PreparedRequest) =>
    promisifyCallbackApi<WechatMiniprogram.RequestSuccessCallbackResult>(
      (h) =>
        wx.request!({
          url: req.url,
          method: req.method as Exclude<HttpMethod, 'PATCH'>,
          header: req.headers,
          ...(req.body !== undefined && { data: req.body }),
          ...(req.timeoutMs !== undefined && { timeout: req.timeoutMs }),
          dataType: 'text',
          responseType: 'text',
          ...h,
        }),
      (raw) => toWechatError(raw, 'host/network'),
    ).then((res) => ({ status: res.statusCode, headers: res.header, body: res.data }));
  return createHostRequest(WECHAT, send, { methods: WECHAT_METHODS });
}

// `wx.request` has no PATCH.
const WECHAT_METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];
