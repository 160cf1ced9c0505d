import * as z from 'zod';
import { HealthCodeError } from '../errors.js';

/**
 * Stable error codes of the service. Each maps to one HTTP status
 * ({@link API_ERROR_STATUS}); clients switch on the code, never on the message.
 */
export type ApiErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'identity_pending'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'headers_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'
  | 'unavailable';

/** HTTP status the service answers with for each {@link ApiErrorCode}. */
export const API_ERROR_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  identity_pending: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  headers_too_large: 431,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

/** The one JSON shape of every error response: `{ "error": { code, message, details? } }`. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    details: z.unknown().optional(),
    /** The answer's `X-Request-Id`, to quote when reporting a problem. */
    requestId: z.string().optional(),
  }),
});
/** Body of every 4xx/5xx response. */
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/**
 * Codes a client may see besides the server's, never sent on the wire: the request never got
 * a usable answer, or could not be built (`api/missing_parameter`, a programming error).
 */
export type ApiClientErrorCode = 'api/network' | 'api/invalid_response' | 'api/missing_parameter';

/**
 * An error answer of the service, or a failure to get a usable one. Servers throw it
 * to answer with an error; clients throw it so callers can `switch (err.code)`.
 */
export class ApiError extends HealthCodeError<ApiErrorCode | ApiClientErrorCode> {
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** Machine-readable extra data, e.g. `{ issues }` for `validation_failed`. */
  readonly details: unknown;

  constructor(
    code: ApiErrorCode | ApiClientErrorCode,
    message: string,
    options: { status?: number; details?: unknown; cause?: unknown } = {},
  ) {
    super(code, message, { cause: options.cause });
    this.status = options.status ?? (isApiErrorCode(code) ? API_ERROR_STATUS[code] : 0);
    this.details = options.details;
  }

  /** The JSON body a server sends for this error. */
  toBody(): ApiErrorBody {
    const error: ApiErrorBody['error'] = { code: this.code, message: this.message };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }

  /**
   * Reads an error response. An unknown or missing code (an older client, a proxy's
   * HTML page) becomes the code its HTTP status implies, so callers still get one of
   * the documented codes.
   */
  static fromResponse(status: number, body: unknown): ApiError {
    const parsed = apiErrorBodySchema.safeParse(body);
    if (parsed.success && isApiErrorCode(parsed.data.error.code)) {
      const { code, message, details } = parsed.data.error;
      return new ApiError(code, message, { status, details });
    }
    const message = parsed.success ? parsed.data.error.message : `HTTP ${status}`;
    return new ApiError(apiErrorCodeForStatus(status), message, { status, details: parsed.success ? parsed.data.error.details : undefined });
  }
}

/** Whether `code` is one of the documented {@link ApiErrorCode}s. */
export function isApiErrorCode(code: string): code is ApiErrorCode {
  return (API_ERROR_CODES as string[]).includes(code);
}

/** The error code that best describes an HTTP status, for answers without a usable body. */
export function apiErrorCodeForStatus(status: number): ApiErrorCode {
  const exact = API_ERROR_CODES.find((c) => API_ERROR_STATUS[c] === status);
  if (exact) return exact;
  return status >= 500 ? 'internal' : 'bad_request';
}
