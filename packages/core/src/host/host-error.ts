import { HealthCodeError } from '../errors.js';

/** Why a host call failed, whatever the host's own error shape. */
export type HostErrorCode =
  | 'cancelled'
  | 'denied'
  | 'unsupported'
  | 'network'
  | 'timeout'
  | 'too_large'
  | 'host_error';

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
