// Type-checks every project that has a tsconfig.json: each package's sources with
// only its own runtime's typings, and the tests with Node's.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './workspace.mjs';

const projects = [];
for (const group of ['packages', 'examples']) {
  for (const d of readdirSync(join(root, group))) {
    const p = join(group, d, 'tsconfig.json');
    if (existsSync(join(root, p))) projects.push(p);
  }
}
projects.push('tsconfig.test.json');

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let failed = 0;
for (const p of projects) {
  const r = spawnSync(process.execPath, [tsc, '-p', p, '--noEmit'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`typecheck failed: ${p}`);
  }
}
if (failed) process.exit(1);
console.log(`typecheck: ${projects.length} projects clean`);
