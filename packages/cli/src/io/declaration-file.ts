import { type Locale } from '@healthcode/core';
import { LOCALES, isLocale } from '@healthcode/core/declaration';
import { UsageError } from '../command.js';
import { readJsonFile } from './files.js';

/** A declaration file: the body of `POST /v1/declarations`, plus the time it was made. */
export interface DeclarationFile {
  formVersion?: string;
  declaredAt?: Date;
  answers: unknown;
}

/** Reads `--locale`, refusing unknown locales. */
export function localeOption(value: string | undefined): Locale | undefined {
  if (value === undefined) return undefined;
  if (!isLocale(value)) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}`);
  return value;
}

/** The single FILE argument of a command. */
export function fileArgument(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
  return positionals[0]!;
}

/**
 * Reads a declaration file: `{ formVersion, declaredAt?, answers }`, or bare
 * answers (an object without `answers`) filled in with the current version.
 */
export async function readDeclarationFile(cwd: string, path: string): Promise<DeclarationFile> {
  const json = await readJsonFile(cwd, path);
  if (json === null || typeof json !== 'object' || !('answers' in json)) return { answers: json };
  const { formVersion, declaredAt, answers } = json as Record<string, unknown>;
  const at = typeof declaredAt === 'string' ? new Date(declaredAt) : undefined;
  return {
    answers,
    ...(typeof formVersion === 'string' ? { formVersion } : {}),
    ...(at && !Number.isNaN(at.getTime()) ? { declaredAt: at } : {}),
  };
}
