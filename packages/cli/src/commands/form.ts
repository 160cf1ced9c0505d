import { CURRENT_FORM_VERSION, findFormVersion } from '@healthcode/core/declaration';
import { buildFormDescriptor, localiseFormDescriptor } from '@healthcode/core';
import { type Command, UsageError } from '../command.js';
import { parseCommandArgs } from '../io/args.js';
import { localeOption } from '../io/declaration-file.js';

/** `healthcode form [--locale L] [--version V]`: prints the form descriptor as JSON. */
export const formCommand: Command = {
  name: 'form',
  summary: 'print the declaration form descriptor as JSON',
  usage: [
    'usage: healthcode form [--locale zh-CN|en|zh-HK] [--version FORM-VERSION]',
    '',
    'Without --locale every text is given in all locales; with it, only in that one.',
  ].join('\n'),
  async run(ctx) {
    const { values, positionals } = parseCommandArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: { locale: { type: 'string' }, version: { type: 'string' } },
    });
    if (positionals.length > 0) throw new UsageError('form takes no arguments besides options');
    const locale = localeOption(values.locale);
    const version = values.version ?? CURRENT_FORM_VERSION;
    if (!findFormVersion(version)) throw new UsageError(`unknown form version '${version}'`);
    const descriptor = buildFormDescriptor({ version });
    ctx.stdout(`${JSON.stringify(locale ? localiseFormDescriptor(descriptor, locale) : descriptor, null, 2)}\n`);
    return 0;
  },
};
