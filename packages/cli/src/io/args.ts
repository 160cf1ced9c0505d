import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CodeInputError } from '@healthcode/core/code';
import { UsageError } from '../command.js';

/**
 * `parseArgs` (strict unless the config says otherwise) with its errors (unknown
 * option, missing value…) turned into `UsageError`, so the CLI prints the usage and
 * exits 2.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>(config);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** The value of a required string option, or a `UsageError` naming it. */
export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** Parses a whole, positive number of seconds (e.g. `--ttl 3600`). */
export function parseSeconds(value: string, name: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--${name} must be a whole number of seconds, got '${value}'`);
  return Number(value);
}

/** Parses an ISO 8601 date-time (e.g. `--at 2026-11-27T14:00:00Z`). */
export function parseInstant(value: string, name: string): Date {
  // Date.parse accepts many loose formats; insist on ISO so scripts stay unambiguous.
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
  const time = Date.parse(value);
  if (!iso.test(value) || Number.isNaN(time)) {
    throw new UsageError(`--${name} must be an ISO 8601 time such as 2026-11-27T14:00:00Z, got '${value}'`);
  }
  return new Date(time);
}

/** Checks that `value` is one of `allowed`, for enumerated options such as `--status`. */
export function parseChoice<C extends string>(value: string, allowed: readonly C[], name: string): C {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${value}'`);
  }
  return value as C;
}

/**
 * Awaits a core call whose inputs all came from options, turning the core's refusal
 * of an input value (`CodeInputError` `invalid_input`) into a `UsageError` (exit 2).
 */
export async function optionsChecked<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof CodeInputError && err.code === 'code/invalid_input') throw new UsageError(err.message);
    throw err;
  }
}
