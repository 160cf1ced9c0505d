import { type CommandContext, UsageError } from '../command.js';

/**
 * The single positional argument of commands such as `verify QRTEXT`; `-` means
 * "read it from standard input". Surrounding whitespace (the newline a pipe adds)
 * is dropped.
 */
export async function readTextArgument(ctx: CommandContext, positionals: string[], what: string): Promise<string> {
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? `missing ${what} (or - to read it from stdin)`
        : `expected one ${what}, got ${positionals.length} arguments`,
    );
  }
  const [arg] = positionals as [string];
  const text = (arg === '-' ? await ctx.readStdin() : arg).trim();
  if (text === '') throw new UsageError(`${what} is empty`);
  return text;
}
