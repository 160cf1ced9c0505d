import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type Locale, LOCALES, isLocale, validateDeclaration } from '@healthcode/core';
import { type Command, type CommandContext, UsageError } from '../command.js';

/** A declaration file: the body of `POST /v1/declarations`, plus the time it was made. */
export interface DeclarationFile {
  formVersion?: string;
  declaredAt?: Date;
  answers: unknown;
}

/** Parses `argv` with node's parser, turning its errors into usage errors. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** Reads `--locale`, refusing unknown locales. */
export function localeOption(value: string | undefined): Locale | undefined {
  if (value === undefined) return undefined;
  if (!isLocale(value)) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}`);
  return value;
}

/** Reads `--at`, an ISO 8601 time. */
export function timeOption(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--at must be an ISO 8601 time, e.g. 2026-11-27T09:00:00+08:00`);
  return at;
}

/** The single FILE argument of a command. */
export function fileArgument(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
  return positionals[0]!;
}

/** Reads and parses a JSON file relative to the working directory. */
export async function readJsonFile(ctx: CommandContext, path: string): Promise<unknown> {
  const text = await readFile(resolve(ctx.cwd, path), 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
}

/**
 * Reads a declaration file: `{ formVersion, declaredAt?, answers }`, or bare
 * answers (an object without `answers`) filled in with the current version.
 */
export async function readDeclarationFile(ctx: CommandContext, path: string): Promise<DeclarationFile> {
  const json = await readJsonFile(ctx, path);
  if (json === null || typeof json !== 'object' || !('answers' in json)) return { answers: json };
  const { formVersion, declaredAt, answers } = json as Record<string, unknown>;
  const at = typeof declaredAt === 'string' ? new Date(declaredAt) : undefined;
  return {
    answers,
    ...(typeof formVersion === 'string' ? { formVersion } : {}),
    ...(at && !Number.isNaN(at.getTime()) ? { declaredAt: at } : {}),
  };
}

/** `healthcode validate FILE [--locale L] [--at TIME]`: prints the issues as JSON; exit 1 when there are any. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a declaration file and print its issues as JSON',
  usage: [
    'usage: healthcode validate FILE [--locale zh-CN|en|zh-HK] [--at ISO-TIME]',
    '',
    'FILE is { "formVersion", "declaredAt", "answers" } (or bare answers).',
    'Dates are checked against --at, else the file\'s declaredAt, else now.',
    'Exit 0 when valid, 1 when not.',
  ].join('\n'),
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.argv, { locale: { type: 'string' }, at: { type: 'string' } });
    const locale = localeOption(values.locale);
    const at = timeOption(values.at);
    const file = await readDeclarationFile(ctx, fileArgument(positionals));
    const result = validateDeclaration(file.answers, {
      ...(locale ? { locale } : {}),
      ...(file.formVersion ? { formVersion: file.formVersion } : {}),
      now: at ?? file.declaredAt ?? ctx.now(),
    });
    ctx.stdout(`${JSON.stringify(result.issues, null, 2)}\n`);
    return result.ok ? 0 : 1;
  },
};
