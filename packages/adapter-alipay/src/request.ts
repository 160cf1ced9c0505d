import { createHostRequest, type PreparedRequest, type RawResponse } from '@healthcode/core/host/kit';
import { HostError, type HostRequest, type HttpMethod } from '@healthcode/core';
import { toAlipayError } from './errors.js';
import { ALIPAY, type MyLike } from './my-api.js';

interface HttpStatusFailure {
  error: 19;
  status: number;
  data?: unknown;
  headers?: unknown;
}

/**
 * `my.request` as a `HostRequest`. Alipay names request headers `headers`, and delivers a
 * non-2xx status to `fail` with error 19 ("http status error") but with `status`, `data`
 * and `headers` present: that is a response, and is turned back into one. Error 12 is a
 * network failure, 13 a timeout. There is no `PATCH`.
 */
export function alipayRequest(my: MyLike): HostRequest | undefined {
  if (!my.request) return undefined;
  const send = (req: PreparedRequest) =>
    new Promise<RawResponse>((resolve, reject) => {
      try {
        void my.request!({
          url: req.url,
          method: req.method as Exclude<HttpMethod, 'PATCH'>,
          headers: req.headers,
          ...(req.body !== undefined && { data: req.body }),
          ...(req.timeoutMs !== undefined && { timeout: req.timeoutMs }),
          dataType: 'text',
          success: (res) => resolve({ status: res.status ?? res.statusCode, headers: res.headers ?? res.header, body: res.data }),
          fail: (err) => {
            if (isHttpStatusFailure(err)) resolve({ status: err.status, headers: err.headers, body: err.data ?? '' });
            else reject(toAlipayError(err, 'request'));
          },
        });
      } catch (raw) {
        reject(raw instanceof HostError ? raw : toAlipayError(raw, 'request'));
      }
    });
  return createHostRequest(ALIPAY, send, { methods: ALIPAY_METHODS });
}

const ALIPAY_METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

function isHttpStatusFailure(err: unknown): err is HttpStatusFailure {
  const e = err as Partial<HttpStatusFailure> | null;
  return e?.error === 19 && typeof e.status === 'number';
}
