import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli.js';
import type { Command } from '../src/command.js';
import { commands } from '../src/commands/index.js';
import { assessCommand } from '../src/commands/assess.js';
import { formCommand } from '../src/commands/form.js';
import { validateCommand } from '../src/commands/validate.js';

// Until the lead lists these commands in commands/index.ts, register them here.
for (const command of [formCommand, validateCommand, assessCommand] as Command[]) {
  if (!commands.some((c) => c.name === command.name)) commands.push(command);
}

/** Folder of the example declaration files. */
export const EXAMPLES = fileURLToPath(new URL('../../../docs/examples/declarations/', import.meta.url));

/** A fresh temporary folder with the given files (JSON values are serialised). */
export function tempDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'healthcode-cli-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

/** Runs `healthcode ...argv` in-process and captures its output. */
export async function cli(argv: string[], cwd = EXAMPLES) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => '',
    cwd,
    now: () => new Date('2026-11-27T09:00:00+08:00'),
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as any };
}
