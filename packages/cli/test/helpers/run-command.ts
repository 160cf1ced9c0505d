import type { Command } from '../../src/command.js';
import { runCli } from '../../src/cli.js';

export interface RunOptions {
  /** Working directory that relative paths resolve against. */
  cwd: string;
  /** What the command reads as standard input. */
  stdin?: string;
  /** The pinned wall clock. */
  now?: Date;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fixed instant so that every test sees the same "now". */
export const TEST_NOW = new Date('2026-11-27T12:00:00Z');

/** Runs `healthcode ...argv` in-process with captured output, the given stdin and a pinned clock. */
export async function runArgv(argv: string[], opts: RunOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => opts.stdin ?? '',
    cwd: opts.cwd,
    now: () => opts.now ?? TEST_NOW,
  });
  return { code, stdout, stderr };
}

/**
 * Runs `healthcode <command.name> ...argv` through the real dispatcher (`runCli`, which
 * finds the command in the wired list), so usage errors and failures map to exit codes
 * exactly as on the command line.
 */
export function runCommand(command: Command, argv: string[], opts: RunOptions): Promise<RunResult> {
  return runArgv([command.name, ...argv], opts);
}
