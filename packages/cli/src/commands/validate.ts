import { validateDeclaration } from '@healthcode/core';
import type { Command } from '../command.js';
import { parseCommandArgs, parseInstant } from '../io/args.js';
import { fileArgument, localeOption, readDeclarationFile } from '../io/declaration-file.js';

/** `healthcode validate FILE [--locale L] [--at TIME]`: prints the issues as JSON; exit 1 when there are any. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a declaration file and print its issues as JSON',
  usage: [
    'usage: healthcode validate FILE [--locale zh-CN|en|zh-HK] [--at ISO-TIME]',
    '',
    'FILE is { "formVersion", "declaredAt", "answers" } (or bare answers).',
    "Dates are checked against --at, else the file's declaredAt, else now.",
    'Exit 0 when valid, 1 when not.',
  ].join('\n'),
  async run(ctx) {
    const { values, positionals } = parseCommandArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: { locale: { type: 'string' }, at: { type: 'string' } },
    });
    const locale = localeOption(values.locale);
    const at = values.at === undefined ? undefined : parseInstant(values.at, 'at');
    const file = await readDeclarationFile(ctx.cwd, fileArgument(positionals));
    const result = validateDeclaration(file.answers, {
      ...(locale ? { locale } : {}),
      ...(file.formVersion ? { formVersion: file.formVersion } : {}),
      now: at ?? file.declaredAt ?? ctx.now(),
    });
    ctx.stdout(`${JSON.stringify(result.issues, null, 2)}\n`);
    return result.ok ? 0 : 1;
  },
};
