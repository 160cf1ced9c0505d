import { HealthCodeError } from '../errors.js';

/**
 * Why the client refused a call on its own side. Failures of the exchange with the
 * service are `ApiError`s instead: the server's codes, `network` when no answer came
 * (and nothing cached could stand in), `invalid_response` for a body outside the contract.
 *
 * - `not_signed_in`: the call needs a session; call `signIn()` first.
 * - `unsupported_host`: the host lacks a capability the call needs (`details.capability`).
 * - `no_trust_root`: verification needs the pinned trust-root public key (`trustRoot` option).
 * - `trust_list_rollback`: the server offered an older trust list than the one already trusted.
 * - `queued_too_long`: a queued write waited longer than `maxQueueAgeMs` and was dropped unsent
 *   (reported in `FlushReport.dropped`), since the service may have forgotten its idempotency key.
 */
export type ClientErrorCode =
  | 'client/not_signed_in'
  | 'client/unsupported_host'
  | 'client/no_trust_root'
  | 'client/trust_list_rollback'
  | 'client/queued_too_long';

/** A client-side failure with a stable `code`; `details` carries structured context when useful. */
export class ClientError extends HealthCodeError<ClientErrorCode> {
  /** Structured context, e.g. `{ capability: 'scan' }` or the schema issues of an invalid response. */
  readonly details: unknown;

  constructor(code: ClientErrorCode, message: string, options?: { details?: unknown; cause?: unknown }) {
    super(code, message, { cause: options?.cause });
    this.details = options?.details;
  }
}
