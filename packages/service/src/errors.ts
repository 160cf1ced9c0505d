import { HealthCodeError } from '@healthcode/core';
import { ApiError } from '@healthcode/core/api';
import type { ServiceResponse } from './http.js';

/** The answer for an error thrown by a handler: its own for an `ApiError`, else `internal`. */
export function errorResponse(error: unknown, onError?: (error: unknown) => void): ServiceResponse {
  if (error instanceof ApiError && error.status >= 400) return { status: error.status, body: error.toBody() };
  onError?.(error);
  return { status: 500, body: new ApiError('internal', 'internal error').toBody() };
}

/** Why the service cannot run with the configuration or key material it was given. */
export type ServiceConfigErrorCode = 'service/no_issuer_key';

/** A service misconfiguration (never a request's fault, so never answered as a 4xx). */
export class ServiceConfigError extends HealthCodeError<ServiceConfigErrorCode> {}
