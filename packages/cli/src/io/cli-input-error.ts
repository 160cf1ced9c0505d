import { HealthCodeError } from '@healthcode/core';

/** Why a file or value given on the command line could not be used. */
export type CliInputErrorCode =
  | 'cli/unreadable'
  | 'cli/not_json'
  | 'cli/invalid_key'
  | 'cli/invalid_entry'
  | 'cli/conflicting_key'
  | 'cli/exists';

/**
 * A file named on the command line is missing, malformed or would be overwritten.
 * The CLI reports it on stderr and exits 1 (the arguments were well-formed; the
 * input was not).
 */
export class CliInputError extends HealthCodeError<CliInputErrorCode> {
  constructor(code: CliInputErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
