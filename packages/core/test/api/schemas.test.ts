import { describe, expect, it } from 'vitest';
import { addEmployeeRequestSchema, createSessionRequestSchema, dashboardQuerySchema, verifyResultJsonSchema } from '@healthcode/core/api';

describe('request schemas', () => {
  it('accept a sign-in with or without a passport, and refuse a malformed passport', () => {
    expect(createSessionRequestSchema.safeParse({ host: 'alipay', authCode: 'c' }).success).toBe(true);
    const passport = { number: 'E1234567', nationality: 'FRA', name: 'DUPONT JEANNE' };
    expect(createSessionRequestSchema.safeParse({ host: 'alipay', authCode: 'c', passport }).success).toBe(true);
    expect(
      createSessionRequestSchema.safeParse({ host: 'alipay', authCode: 'c', passport: { ...passport, nationality: 'fr' } }).success,
    ).toBe(false);
    expect(createSessionRequestSchema.safeParse({ host: 'alipay', authCode: 'c', passport: { ...passport, number: 'E1' } }).success).toBe(
      false,
    );
  });

  it('take an employee by exactly one of subject id and identity document', () => {
    expect(addEmployeeRequestSchema.safeParse({ subjectId: 'abc' }).success).toBe(true);
    expect(addEmployeeRequestSchema.safeParse({ identityDocument: { type: 'passport', number: 'E1234567' }, label: 'E-1' }).success).toBe(
      true,
    );
    expect(addEmployeeRequestSchema.safeParse({ subjectId: 'abc', identityDocument: { type: 'passport', number: 'E1' } }).success).toBe(
      false,
    );
    expect(addEmployeeRequestSchema.safeParse({}).success).toBe(false);
  });

  it('take a dashboard day only as YYYY-MM-DD', () => {
    expect(dashboardQuerySchema.safeParse({ date: '2026-11-27' }).success).toBe(true);
    expect(dashboardQuerySchema.safeParse({}).success).toBe(true);
    expect(dashboardQuerySchema.safeParse({ date: '2026-13-01' }).success).toBe(false);
  });

  it('describe both kinds of verification result', () => {
    expect(verifyResultJsonSchema.safeParse({ valid: false, reason: 'expired', message: 'code has expired' }).success).toBe(true);
    expect(verifyResultJsonSchema.safeParse({ valid: true, reason: 'expired' }).success).toBe(false);
  });
});
