import { ApiError } from '@healthcode/core/api';
import type { ServiceResponse } from './http.js';

/** The answer for an error thrown by a handler: its own for an `ApiError`, else `internal`. */
export function errorResponse(error: unknown, onError?: (error: unknown) => void): ServiceResponse {
  if (error instanceof ApiError && error.status >= 400) return { status: error.status, body: error.toBody() };
  onError?.(error);
  return { status: 500, body: new ApiError('internal', 'internal error').toBody() };
}
