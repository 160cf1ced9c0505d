// `pnpm bench`: runs every library benchmark in its own process (so one cannot warm up
// or slow down the next) and lets each merge its rows into bench/results.json.
// The server load test is separate (`pnpm bench:server`): it needs a running server.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const suites = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f !== 'server.bench.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, suite)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (suites.length === 0) console.log('no benchmarks found');
process.exitCode = failed ? 1 : 0;
