import { HealthCodeError } from '../errors.js';

/** Why a host call failed, whatever the host's own error shape. */
export type HostErrorCode =
  | 'host/cancelled'
  | 'host/denied'
  | 'host/unsupported'
  | 'host/network'
  | 'host/timeout'
  | 'host/too_large'
  | 'host/host_error';

/** The one error every host capability rejects with; `raw` keeps the host's own error. */
export class HostError extends HealthCodeError<HostErrorCode> {
  /** The host's error object, unchanged, for logs and support. */
  readonly raw: unknown;
  /** Which host produced it, e.g. `wechat`. */
  readonly host: string;

  constructor(code: HostErrorCode, message: string, options: { host: string; raw?: unknown; cause?: unknown }) {
    super(code, message, { cause: options.cause ?? options.raw });
    this.raw = options.raw;
    this.host = options.host;
  }
}

/** True when `value` is a `HostError`, optionally with one of the given codes. */
export function isHostError(value: unknown, ...codes: HostErrorCode[]): value is HostError {
  return value instanceof HostError && (codes.length === 0 || codes.includes(value.code));
}

/**
 * Passes a `HostError` through unchanged and wraps anything else as `host_error`, so a
 * capability can promise callers that it rejects only with `HostError`.
 */
export function asHostError(host: string, value: unknown): HostError {
  if (value instanceof HostError) return value;
  const message = value instanceof Error ? value.message : `${host} host call failed`;
  return new HostError('host/host_error', message, { host, raw: value });
}
