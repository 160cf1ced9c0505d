import { HealthCodeError } from '../errors.js';
import type { Declaration, DeclarationKey } from './schema.js';

/** A page-like group of questions, made of whole top-level answers. */
export interface FormSectionDefinition {
  /** Stable id; labels are looked up by it. */
  id: 'personal' | 'health' | 'exposure' | 'returning';
  keys: readonly DeclarationKey[];
}

/** One published version of the declaration form. */
export interface FormVersionDefinition {
  version: string;
  /** The city date the version was published. */
  publishedAt: string;
  sections: readonly FormSectionDefinition[];
  /** Turns answers valid for this version into a current {@link Declaration}. */
  upgrade(answers: Record<string, unknown>): Declaration;
}

const PERSONAL: FormSectionDefinition = { id: 'personal', keys: ['person', 'identityDocument', 'phone', 'district'] };
const HEALTH: FormSectionDefinition = { id: 'health', keys: ['health'] };
const EXPOSURE: FormSectionDefinition = { id: 'exposure', keys: ['travel', 'contacts'] };
const RETURNING: FormSectionDefinition = { id: 'returning', keys: ['returning'] };

/**
 * Every published form version, oldest first. Answers are validated with the
 * version they were filled in with, so a version, once published, never changes:
 * publish a new one instead.
 */
export const FORM_VERSIONS: readonly FormVersionDefinition[] = [
  {
    version: '1.0',
    publishedAt: '2026-01-15',
    sections: [PERSONAL, HEALTH, EXPOSURE],
    // 1.0 did not ask about returning to the city: read its answers as "not returning".
    upgrade: (answers) => ({ ...answers, returning: { isReturning: false } }) as Declaration,
  },
  {
    version: '1.1',
    publishedAt: '2026-09-01',
    sections: [PERSONAL, HEALTH, EXPOSURE, RETURNING],
    upgrade: (answers) => answers as Declaration,
  },
];

/** The version new forms are filled in with. */
export const CURRENT_FORM_VERSION: string = '1.1';

/** Thrown when a form version is asked for by a version string that was never published. */
export class FormVersionError extends HealthCodeError<'form/unknown_form_version'> {
  constructor(version: string) {
    // The version string is the caller's: cap it so a huge value cannot flood logs.
    super('form/unknown_form_version', `unknown form version '${version.slice(0, 32)}'`);
  }
}

/** The published version `version`, or `undefined`. */
export function findFormVersion(version: string): FormVersionDefinition | undefined {
  return FORM_VERSIONS.find((v) => v.version === version);
}

/** The published version `version`; throws {@link FormVersionError} for an unknown one. */
export function getFormVersion(version: string = CURRENT_FORM_VERSION): FormVersionDefinition {
  const found = findFormVersion(version);
  if (!found) throw new FormVersionError(version);
  return found;
}
