import { describe, expect, it } from 'vitest';
import { API_ERROR_STATUS, ApiError, apiErrorBodySchema, apiErrorCodeForStatus, isApiErrorCode } from '@healthcode/core/api';
import { HealthCodeError } from '@healthcode/core';

describe('ApiError', () => {
  it('is a HealthCodeError whose status follows its code', () => {
    const error = new ApiError('validation_failed', 'bad answers', { details: { issues: [] } });
    expect(error).toBeInstanceOf(HealthCodeError);
    expect(error.name).toBe('ApiError');
    expect(error.status).toBe(422);
    expect(error.toBody()).toEqual({ error: { code: 'validation_failed', message: 'bad answers', details: { issues: [] } } });
    expect(apiErrorBodySchema.safeParse(error.toBody()).success).toBe(true);
  });

  it('leaves details out of the body when there are none', () => {
    expect(new ApiError('not_found', 'gone').toBody()).toEqual({ error: { code: 'not_found', message: 'gone' } });
  });

  it('reads an error response with a documented code as that code', () => {
    const error = ApiError.fromResponse(409, { error: { code: 'conflict', message: 'key reused', details: { a: 1 } } });
    expect([error.code, error.status, error.message, error.details]).toEqual(['conflict', 409, 'key reused', { a: 1 }]);
  });

  it('falls back to the code the status implies for unknown codes and foreign bodies', () => {
    expect(ApiError.fromResponse(429, { error: { code: 'slow_down_please', message: 'later' } })).toMatchObject({
      code: 'rate_limited',
      message: 'later',
    });
    expect(ApiError.fromResponse(502, '<html>Bad gateway</html>')).toMatchObject({ code: 'internal', status: 502 });
    expect(ApiError.fromResponse(418, null)).toMatchObject({ code: 'bad_request', status: 418 });
  });

  it('maps every documented code to a 4xx or 5xx status that leads back to a code of that status', () => {
    for (const [code, status] of Object.entries(API_ERROR_STATUS)) {
      expect(isApiErrorCode(code)).toBe(true);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(API_ERROR_STATUS[apiErrorCodeForStatus(status)]).toBe(status);
    }
    expect(isApiErrorCode('network')).toBe(false);
  });
});
