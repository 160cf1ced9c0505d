import { decodeQrText } from '@healthcode/core/code';
import type { Command } from '../command.js';
import { parseCommandArgs } from '../io/args.js';
import { readTextArgument } from '../io/text-arg.js';

const usage = `usage: healthcode decode QRTEXT|-
  Prints the QR text's compact JWS, header and payload as JSON, WITHOUT verifying the
  signature: use 'healthcode verify' to decide whether to trust it. - reads stdin.`;

/** `healthcode decode`: show what a QR text contains, unverified. */
export const decodeCommand: Command = {
  name: 'decode',
  summary: 'print the header and payload of a QR text (no verification)',
  usage,
  async run(ctx) {
    const { positionals } = parseCommandArgs({ args: ctx.argv, allowPositionals: true, options: {} });
    const decoded = decodeQrText(await readTextArgument(ctx, positionals, 'QR text'));
    ctx.stdout(`${JSON.stringify(decoded, null, 2)}\n`);
    return 0;
  },
};
