#!/usr/bin/env node
import { runCli } from './cli.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

void runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin,
  // `pnpm healthcode …` runs from the workspace root; INIT_CWD is where the user typed it.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  now: () => new Date(),
}).then((code) => {
  process.exitCode = code;
});
