import type { CodeResponse } from '@healthcode/core/api';
import type { ServiceContext } from '../context.js';
import type { StoredCode } from '../store/store.js';
import type { EvaluationJson } from './store.js';

/** What `GET /v1/code` adds to a code from the colour function: its reasons and the last negative test. */
export function colourFields(evaluation: EvaluationJson, code: StoredCode): Pick<CodeResponse, 'reasons' | 'negativeTestAt'> {
  // Reasons explain the colour the code shows; an evaluation that has moved on waits for the code that shows it.
  const reasons = evaluation.status === code.status ? evaluation.reasons.map(({ code: reason, message, since, clears }) => ({ code: reason, message, since, clears })) : [];
  const tested = evaluation.lastNegativeTestAt !== undefined && evaluation.lastNegativeTestAt <= code.issuedAt;
  return { reasons, ...(tested ? { negativeTestAt: new Date(evaluation.lastNegativeTestAt!).toISOString() } : {}) };
}

/** The wire form of a code with the reasons of its colour. */
export async function codeWithReasons(ctx: ServiceContext, code: StoredCode): Promise<CodeResponse> {
  return { ...ctx.codes.toResponse(code), ...colourFields(await ctx.colour.current(code.subjectId), code) };
}
