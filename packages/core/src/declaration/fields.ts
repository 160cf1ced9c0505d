import * as z from 'zod';
import { cityDate, isIsoDate, windowStart } from './calendar.js';
import { withMeta } from './field-meta.js';
import { reportIssue } from './issue-codes.js';
import { isDistrictCode, isRegionCode } from './regions.js';

/** What field schemas need at parse time. */
export interface SchemaContext {
  /** The declaration time; read at every parse so one schema serves many declarations. */
  now: () => Date;
  /** Length of the look-back window in days (day 1 is the declaration day). */
  windowDays: number;
}

/** The look-back window of travel and contact questions, in days. */
export const DECLARATION_WINDOW_DAYS = 14;

/** The city's date today at the declaration time. */
export function today(ctx: SchemaContext): string {
  return cityDate(ctx.now());
}

/** A person's name: letters of any script, with inner spaces, `·`, `'`, `.` or `-`. */
export function nameSchema(): z.ZodString {
  return z
    .string()
    .min(1)
    .max(64)
    .superRefine((value, ctx) => {
      if (!/^\p{L}[\p{L}\p{M} ·'.-]*$/u.test(value) || value.endsWith(' ')) reportIssue(ctx, 'invalid_format');
    });
}

/** A mobile number: a mainland number (`13812345678`, `+8613812345678`) or any E.164 number. */
export function phoneSchema(): z.ZodString {
  const schema = z.string().superRefine((value, ctx) => {
    const mainland = /^(\+86)?1[3-9]\d{9}$/.test(value);
    const international = /^\+[1-9]\d{6,14}$/.test(value) && !value.startsWith('+86');
    if (!mainland && !international) reportIssue(ctx, 'invalid_format');
  });
  return withMeta(schema, { input: 'phone' });
}

function codeSchema(valid: (code: string) => boolean, input: 'region' | 'district'): z.ZodString {
  const schema = z.string().superRefine((value, ctx) => {
    if (!/^\d{6}$/.test(value)) reportIssue(ctx, 'invalid_format');
    else if (!valid(value)) reportIssue(ctx, 'invalid_region');
  });
  return withMeta(schema, { input });
}

/** A GB/T 2260 division code of any level (province, prefecture or county). */
export function regionSchema(): z.ZodString {
  return codeSchema(isRegionCode, 'region');
}

/** A county-level GB/T 2260 code: where a person lives. */
export function districtSchema(): z.ZodString {
  return codeSchema(isDistrictCode, 'district');
}

/**
 * A `YYYY-MM-DD` date that is not after the city's today; with `inWindow`, also
 * not before day {@link SchemaContext.windowDays} of the look-back window.
 */
export function dateSchema(ctx: SchemaContext, opts: { inWindow: boolean }): z.ZodString {
  const schema = z.string().superRefine((value, rctx) => {
    const now = today(ctx);
    if (!isIsoDate(value)) reportIssue(rctx, 'invalid_format');
    else if (value > now) reportIssue(rctx, 'date_in_future');
    else if (opts.inWindow && value < windowStart(now, ctx.windowDays)) {
      reportIssue(rctx, 'out_of_window', { params: { days: ctx.windowDays } });
    }
  });
  return withMeta(schema, { input: 'date' });
}
