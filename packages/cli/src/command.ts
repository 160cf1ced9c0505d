import { HealthCodeError } from '@healthcode/core';

/** What a command may touch: arguments and the process's streams, injected for tests. */
export interface CommandContext {
  /** Arguments after the command's own name(s). */
  argv: string[];
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input as UTF-8. */
  readStdin(): Promise<string>;
  cwd: string;
  /** Wall-clock time; tests pin it. */
  now(): Date;
}

/** A top-level `healthcode` command. Returns the process exit code. */
export interface Command {
  /** First word on the command line, e.g. `verify` or `trust-list`. */
  name: string;
  /** One line for `healthcode --help`. */
  summary: string;
  /** Full usage text, printed on usage errors. */
  usage: string;
  run(ctx: CommandContext): Promise<number>;
}

/** Wrong arguments: printed with the command's usage, exit code 2. */
export class UsageError extends HealthCodeError<'cli/usage'> {
  constructor(message: string) {
    super('cli/usage', message);
  }
}
