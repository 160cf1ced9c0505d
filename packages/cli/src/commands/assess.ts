import { assessDeclaration, parseRuleSet } from '@healthcode/core/assessment';
import { validateDeclaration } from '@healthcode/core';
import type { Command } from '../command.js';
import { parseCommandArgs, parseInstant } from '../io/args.js';
import { fileArgument, readDeclarationFile } from '../io/declaration-file.js';
import { readJsonFile } from '../io/files.js';

/** `healthcode assess FILE [--rules FILE] [--at TIME]`: validates, then prints the assessment as JSON. */
export const assessCommand: Command = {
  name: 'assess',
  summary: 'assess a declaration file (green, yellow or red) and print the result as JSON',
  usage: [
    'usage: healthcode assess FILE [--rules RULES.json] [--at ISO-TIME]',
    '',
    'FILE is a declaration file, as for `healthcode validate`. The default rules',
    'apply unless --rules names a rule-set file. The declaration time is --at,',
    "else the file's declaredAt, else now. An invalid declaration prints its",
    'issues and exits 1.',
  ].join('\n'),
  async run(ctx) {
    const { values, positionals } = parseCommandArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: { rules: { type: 'string' }, at: { type: 'string' } },
    });
    const at = values.at === undefined ? undefined : parseInstant(values.at, 'at');
    const file = await readDeclarationFile(ctx.cwd, fileArgument(positionals));
    const rules = values.rules === undefined ? undefined : parseRuleSet(await readJsonFile(ctx.cwd, values.rules));
    const now = at ?? file.declaredAt ?? ctx.now();
    const result = validateDeclaration(file.answers, { now, ...(file.formVersion ? { formVersion: file.formVersion } : {}) });
    if (!result.ok) {
      ctx.stdout(`${JSON.stringify(result.issues, null, 2)}\n`);
      return 1;
    }
    const assessment = assessDeclaration(result.declaration, { now, ...(rules ? { rules } : {}) });
    ctx.stdout(`${JSON.stringify(assessment, null, 2)}\n`);
    return 0;
  },
};
