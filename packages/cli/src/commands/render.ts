import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createRenderModel, HEALTH_STATUSES, renderPng, renderQrSvg, renderSvg, renderTerminal } from '@healthcode/core';
import { UsageError, type Command } from '../command.js';
import { parseChoice, parseCommandArgs } from '../io/args.js';
import { readTextArgument } from '../io/text-arg.js';

const FORMATS = ['svg', 'png', 'terminal'] as const;

const usage = `usage: healthcode render QRTEXT|- --format svg|png|terminal [options]
  Draws QR text as a QR code (4-module quiet zone, error correction M). - reads stdin.
  --format F      svg (QR only, or the full card with --status), png or terminal
  --out FILE      write to FILE (overwritten); required for png, which is binary
  --scale N       pixels per module for svg and png (default 4 for svg, 8 for png)
  --status S      svg only: draw the full card for green, yellow or red
  --name N        svg card: the masked name shown (default empty)
  --doc-tail T    svg card: document tail;  --region R: region name
  --plain         terminal: no ANSI colours (for files and logs)
  --invert        terminal with --plain: ink the light modules, for light-on-dark terminals`;

function parseScale(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d?$/.test(value) || Number(value) > 64) throw new UsageError(`--scale must be a whole number from 1 to 64, got '${value}'`);
  return Number(value);
}

/** `healthcode render`: QR text -> SVG, PNG or terminal art. */
export const renderCommand: Command = {
  name: 'render',
  summary: 'draw QR text as SVG, PNG or terminal half blocks',
  usage,
  async run(ctx) {
    const { values, positionals } = parseCommandArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        scale: { type: 'string' },
        status: { type: 'string' },
        name: { type: 'string' },
        'doc-tail': { type: 'string' },
        region: { type: 'string' },
        plain: { type: 'boolean' },
        invert: { type: 'boolean' },
      },
    });
    if (values.format === undefined) throw new UsageError('--format is required');
    const format = parseChoice(values.format, FORMATS, 'format');
    const scale = parseScale(values.scale);
    if (values.status !== undefined && format !== 'svg') throw new UsageError('--status draws a card and needs --format svg');
    if (format === 'png' && values.out === undefined) throw new UsageError('--format png writes binary: give --out FILE');
    const text = await readTextArgument(ctx, positionals, 'QR text');

    let output: string | Uint8Array;
    if (format === 'png') {
      output = renderPng(text, scale === undefined ? {} : { scale });
    } else if (format === 'terminal') {
      output = renderTerminal(text, { ansi: !values.plain, invert: values.invert === true });
    } else if (values.status !== undefined) {
      const status = parseChoice(values.status, HEALTH_STATUSES, 'status');
      const model = createRenderModel(
        text,
        {
          status,
          name: values.name ?? '',
          ...(values['doc-tail'] ? { documentTail: values['doc-tail'] } : {}),
          ...(values.region ? { regionName: values.region } : {}),
        },
        { now: ctx.now() },
      );
      output = `${renderSvg(model, { now: ctx.now() })}\n`;
    } else {
      output = `${renderQrSvg(text, scale === undefined ? {} : { scale })}\n`;
    }

    if (values.out === undefined && typeof output === 'string') {
      ctx.stdout(output);
      return 0;
    }
    const out = values.out ?? '';
    const target = resolve(ctx.cwd, out);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, output);
    ctx.stdout(`${format} -> ${out}\n`);
    return 0;
  },
};
