// Type-checks every project that has a tsconfig.json: each package's sources with
// only its own runtime's typings, the tests with Node's, and the documentation's examples.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeExamples } from './examples.mjs';
import { root } from './workspace.mjs';

const projects = [];
for (const group of ['packages', 'examples']) {
  for (const d of readdirSync(join(root, group))) {
    const p = join(group, d, 'tsconfig.json');
    if (existsSync(join(root, p))) projects.push(p);
  }
}
projects.push('tsconfig.test.json');

// The examples users copy (READMEs, TSDoc @example blocks) must compile against the real API.
const examplesDir = join(root, 'node_modules', '.cache', 'healthcode-examples');
const examples = writeExamples(examplesDir);
const examplesConfig = join(examplesDir, 'tsconfig.json');
writeFileSync(
  examplesConfig,
  JSON.stringify({
    extends: join(root, 'tsconfig.json'),
    compilerOptions: {
      baseUrl: root,
      types: ['node'],
      lib: ['ES2022', 'DOM'],
      // Examples may name the server's own dependency (fastify), which is not hoisted to the root.
      paths: { ...JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions.paths, fastify: ['packages/server/node_modules/fastify'] },
    },
    files: [join(root, 'scripts', 'example-values.d.ts'), ...examples],
  }),
);
projects.push(examplesConfig);

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
