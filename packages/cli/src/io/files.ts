import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliInputError } from './cli-input-error.js';

/** Reads a UTF-8 text file named on the command line (relative to `cwd`). */
export async function readTextFile(cwd: string, path: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (cause) {
    throw new CliInputError('cli/unreadable', `cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? cause}`, {
      cause,
    });
  }
}

/** Reads and parses a JSON file named on the command line. */
export async function readJsonFile(cwd: string, path: string): Promise<unknown> {
  const text = await readTextFile(cwd, path);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new CliInputError('cli/not_json', `${path} is not valid JSON`, { cause });
  }
}

export interface WriteOptions {
  /** Owner-only permissions (0600), for private keys. */
  secret?: boolean;
  /** Replace an existing file; without it an existing file is an error, so keys are never lost by accident. */
  overwrite?: boolean;
}

/** Writes a text file, creating its directory; returns the absolute path. */
export async function writeTextFile(cwd: string, path: string, text: string, opts: WriteOptions = {}): Promise<string> {
  const target = resolve(cwd, path);
  await mkdir(dirname(target), { recursive: true });
  const mode = opts.secret ? 0o600 : 0o644;
  try {
    await writeFile(target, text, { mode, flag: opts.overwrite ? 'w' : 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CliInputError('cli/exists', `${path} already exists (use --force to replace it)`, { cause });
    }
    throw cause;
  }
  // `mode` applies only when the file is created; an overwritten key must still end up private.
  if (opts.secret) await chmod(target, mode);
  return target;
}

/** Writes `value` as pretty-printed JSON with a final newline. */
export function writeJsonFile(cwd: string, path: string, value: unknown, opts?: WriteOptions): Promise<string> {
  return writeTextFile(cwd, path, `${JSON.stringify(value, null, 2)}\n`, opts);
}
