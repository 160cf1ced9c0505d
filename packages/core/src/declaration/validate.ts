import type * as z from 'zod';
import { type Locale, DEFAULT_LOCALE, isLocale } from './locale.js';
import { DECLARATION_WINDOW_DAYS } from './fields.js';
import type { DeclarationIssueCode, IssueParams } from './issue-codes.js';
import { issueMessage } from './messages.js';
import { type Declaration, partsSchema } from './schema.js';
import { CURRENT_FORM_VERSION, type FormVersionDefinition, findFormVersion } from './versions.js';

/** One problem with a declaration, ready to show under the field at `path`. */
export interface DeclarationIssue {
  /** Dot-separated path of the answer (`identityDocument.number`, `travel.places.0.to`); `''` for the whole. */
  path: string;
  /** Stable code to switch on. */
  code: DeclarationIssueCode;
  /** Localised text for people; never quotes the answer. */
  message: string;
}

/** Options of {@link validateDeclaration}. */
export interface ValidateDeclarationOptions {
  /** Language of the messages (default `zh-CN`). */
  locale?: Locale;
  /** The form version the answers were filled in with (default: the current one). */
  formVersion?: string;
  /** The declaration time: dates are checked against the city's date then (default: now). */
  now?: Date;
}

/** The outcome of {@link validateDeclaration}. */
export type DeclarationValidationResult = { ok: true; declaration: Declaration; issues: [] } | { ok: false; issues: DeclarationIssue[] };

interface VersionValidator {
  schema: z.ZodType;
  clock: { at: Date };
}

// Schemas are costly to build; one per version reads the declaration time from a
// clock set just before each (synchronous) parse.
const validators = new Map<string, VersionValidator>();

function validatorFor(version: FormVersionDefinition): VersionValidator {
  let validator = validators.get(version.version);
  if (!validator) {
    const clock = { at: new Date() };
    const keys = version.sections.flatMap((s) => s.keys);
    validator = { clock, schema: partsSchema(keys, { now: () => clock.at, windowDays: DECLARATION_WINDOW_DAYS }) };
    validators.set(version.version, validator);
  }
  return validator;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

interface RawIssue {
  path: PropertyKey[];
  code: DeclarationIssueCode;
  params?: IssueParams;
}

function classify(issue: z.core.$ZodIssue, input: unknown): RawIssue[] {
  const path = issue.path;
  const value = valueAt(input, path);
  const missing = value === undefined || value === null;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value')) {
    return [{ path, code: 'required' }];
  }
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as { code: DeclarationIssueCode } & IssueParams;
      return [{ path, code, params }];
    }
    case 'invalid_type':
      return [{ path, code: 'invalid_type' }];
    case 'invalid_union':
      // A discriminated union reports an unknown discriminator at the discriminator's own path.
      return [{ path, code: 'discriminator' in issue ? 'invalid_option' : 'invalid_type' }];
    case 'invalid_value':
      return [{ path, code: 'invalid_option' }];
    case 'too_small':
      return issue.origin === 'number'
        ? [{ path, code: 'out_of_range', params: { min: Number(issue.minimum) } }]
        : [{ path, code: 'required' }];
    case 'too_big':
      if (issue.origin === 'number') return [{ path, code: 'out_of_range', params: { max: Number(issue.maximum) } }];
      return [{ path, code: issue.origin === 'array' ? 'too_many' : 'too_long', params: { max: Number(issue.maximum) } }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], code: 'unknown_field' as const }));
    default:
      return [{ path, code: 'invalid_format' }];
  }
}

/** Keeps the first issue of each path: a field shows one message at a time. */
function firstPerPath(issues: DeclarationIssue[]): DeclarationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => !seen.has(issue.path) && seen.add(issue.path));
}

/**
 * Checks answers against the form version they were filled in with and returns
 * every issue at once, each with a stable code and a message in `locale`.
 * Never throws, whatever `input` is. A valid result carries the answers as a
 * current {@link Declaration} (older versions are upgraded).
 */
export function validateDeclaration(input: unknown, opts: ValidateDeclarationOptions = {}): DeclarationValidationResult {
  const locale = isLocale(opts.locale) ? opts.locale : DEFAULT_LOCALE;
  const issue = (path: PropertyKey[], code: DeclarationIssueCode, params?: IssueParams): DeclarationIssue => ({
    path: path.map(String).join('.'),
    code,
    message: issueMessage(code, locale, params),
  });
  try {
    const version = findFormVersion(typeof opts.formVersion === 'string' ? opts.formVersion : CURRENT_FORM_VERSION);
    if (!version) return { ok: false, issues: [issue(['formVersion'], 'unknown_form_version')] };
    const validator = validatorFor(version);
    validator.clock.at = opts.now ?? new Date();
    const result = validator.schema.safeParse(input);
    if (result.success) {
      return { ok: true, declaration: version.upgrade(result.data as Record<string, unknown>), issues: [] };
    }
    const raw = result.error.issues.flatMap((i) => classify(i, input));
    return { ok: false, issues: firstPerPath(raw.map((r) => issue(r.path, r.code, r.params))) };
  } catch {
    // Only hostile objects (throwing getters, proxies) get here; JSON never does.
    return { ok: false, issues: [issue([], 'unreadable_input')] };
  }
}
