import type { ZodType } from 'zod';
import type { HostRequest, HostResponse, HttpMethod } from '../host/host.js';
import { type HostError, isHostError } from '../host/host-error.js';
import { ApiError, IDEMPOTENCY_KEY_HEADER } from '../api/index.js';
import { type RetryPolicy, withRetry } from './retry.js';

/** One call to the service API. */
export interface ApiCall<T> {
  method: HttpMethod;
  /** Path under the base URL, e.g. `/v1/code`. */
  path: string;
  body?: unknown;
  /** Session token for `Authorization: Bearer …`. */
  token?: string;
  idempotencyKey?: string;
  /** Contract of the 2xx body. */
  schema: ZodType<T>;
}

/** Sends one API call and resolves to its validated 2xx body. */
export type Transport = <T>(call: ApiCall<T>) => Promise<T>;

export interface TransportOptions {
  request: HostRequest;
  baseUrl: string;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  timeoutMs: number;
}

/** True for the failures that mean "no answer at all", the ones an offline queue and cache exist for. */
export function isOffline(error: unknown): error is HostError {
  return isHostError(error, 'host/network', 'host/timeout');
}

/**
 * The client's single path to the network: retries network failures and 5xx with
 * backoff (never 4xx, which would fail the same way again), then turns the last
 * response into a validated body or a typed error.
 *
 * @throws `ApiError` for a non-2xx answer or (`invalid_response`) a 2xx body outside
 * the contract; `HostError` when no answer came (see {@link isOffline}).
 */
export function createTransport(options: TransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  return async <T>(call: ApiCall<T>): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    if (call.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = call.idempotencyKey;
    const response = await withRetry<HostResponse>(
      () => options.request({ url: base + call.path, method: call.method, headers, body: call.body, timeoutMs: options.timeoutMs }),
      {
        policy: options.retry,
        sleep: options.sleep,
        shouldRetry: (outcome) => (outcome.ok ? outcome.value.status >= 500 : isOffline(outcome.error)),
      },
    );
    if (response.status < 200 || response.status > 299) throw ApiError.fromResponse(response.status, response.body);
    const parsed = call.schema.safeParse(response.body);
    if (!parsed.success) {
      throw new ApiError('api/invalid_response', `${call.method} ${call.path} answered with a body outside the API contract`, {
        status: response.status,
        details: parsed.error.issues,
      });
    }
    return parsed.data;
  };
}
