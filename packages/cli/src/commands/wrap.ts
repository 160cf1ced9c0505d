import { wrapJws } from '@healthcode/core/code';
import type { Command } from '../command.js';
import { parseCommandArgs } from '../io/args.js';
import { readTextArgument } from '../io/text-arg.js';

const usage = `usage: healthcode wrap JWS|-
  Prints the QR text that carries a compact JWS (the inverse of 'healthcode decode').
  - reads stdin.`;

/** `healthcode wrap`: compact JWS -> QR text. */
export const wrapCommand: Command = {
  name: 'wrap',
  summary: 'turn a compact JWS into QR text',
  usage,
  async run(ctx) {
    const { positionals } = parseCommandArgs({ args: ctx.argv, allowPositionals: true, options: {} });
    ctx.stdout(`${wrapJws(await readTextArgument(ctx, positionals, 'compact JWS'))}\n`);
    return 0;
  },
};
