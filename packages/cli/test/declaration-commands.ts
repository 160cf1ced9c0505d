import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runArgv } from './helpers/run-command.js';

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

/** Runs `healthcode ...argv` in-process at 09:00 Shanghai time and captures its output. */
export async function cli(argv: string[], cwd = EXAMPLES) {
  const result = await runArgv(argv, { cwd, now: new Date('2026-11-27T09:00:00+08:00') });
  return { ...result, json: () => JSON.parse(result.stdout) as any };
}
