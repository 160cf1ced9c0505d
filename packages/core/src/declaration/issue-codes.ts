import type * as z from 'zod';

/**
 * Stable codes of declaration issues. Hosts may switch on them; the messages
 * that go with them are in `messages.ts`.
 */
export type DeclarationIssueCode =
  | 'required'
  | 'invalid_type'
  | 'invalid_format'
  | 'invalid_option'
  | 'invalid_check_digit'
  | 'invalid_birth_date'
  | 'invalid_region'
  | 'invalid_country'
  | 'date_in_future'
  | 'out_of_window'
  | 'invalid_range'
  | 'out_of_range'
  | 'exclusive_option'
  | 'duplicate_option'
  | 'too_long'
  | 'too_many'
  | 'unknown_field'
  | 'unknown_form_version'
  | 'unreadable_input';

/** Parameters a message may show; always numbers from the form's own definition, never answers. */
export type IssueParams = Readonly<Record<string, number>>;

/** Adds an issue with one of our stable codes from inside a zod refinement. */
export function reportIssue(
  ctx: z.RefinementCtx,
  code: DeclarationIssueCode,
  options: { path?: (string | number)[]; params?: IssueParams } = {},
): void {
  ctx.addIssue({ code: 'custom', message: code, params: { code, ...options.params }, ...(options.path ? { path: options.path } : {}) });
}
