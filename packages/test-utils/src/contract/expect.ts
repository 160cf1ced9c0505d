import { expect } from 'vitest';
import { apiErrorBodySchema, type ApiErrorCode } from '@healthcode/core/api';
import type { JsonAnswer } from './harness.js';

/** The one member of a zod schema the suites use. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } };
}

/** The answer's body, after checking its status and that it fits `schema` (the contract). */
export function expectShape<T>(schema: Schema<T>, answer: JsonAnswer, status: number): T {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success)
    throw new Error(`answer outside the contract: ${JSON.stringify(parsed.error.issues)}\n${JSON.stringify(answer.body)}`);
  return parsed.data;
}

/** Checks a documented error answer: status, shape and code; returns its `error`. */
export function expectError(answer: JsonAnswer, code: ApiErrorCode, status: number) {
  const body = expectShape(apiErrorBodySchema, answer, status);
  expect(body.error.code).toBe(code);
  return body.error;
}
