// The code examples users read, gathered so the type check compiles them: fenced `ts` blocks
// in the TSDoc `@example`s of published sources and in the READMEs. Each becomes a module
// (top-level await allowed) that sees the values an example may assume, declared in
// scripts/example-values.d.ts.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root, workspacePackages } from './workspace.mjs';

const FENCE = /```ts\n([\s\S]*?)```/g;

function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

/** Blocks in TSDoc comments: the comment's leading `*` stripped from each line. */
function tsdocBlocks(text) {
  const blocks = [];
  for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    if (!comment.includes('@example')) continue;
    const body = comment.split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n');
    for (const m of body.matchAll(FENCE)) blocks.push(m[1]);
  }
  return blocks;
}

/** Writes every example into `outDir` as `<source path>-<n>.ts`; returns their paths. */
export function writeExamples(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const found = [];
  const readmes = [join(root, 'README.md')];
  for (const p of workspacePackages()) {
    if (p.private) continue;
    readmes.push(join(p.dir, 'README.md'));
    for (const file of sourceFiles(join(p.dir, 'src'))) {
      tsdocBlocks(readFileSync(file, 'utf8')).forEach((code) => found.push({ from: file, code }));
    }
  }
  for (const file of readmes) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(FENCE)) found.push({ from: file, code: m[1] });
  }
  return found.map(({ from, code }, i) => {
    const name = `${relative(root, from).replace(/[/.]/g, '_')}-${i}.ts`;
    const out = join(outDir, name);
    // `export {}` makes each a module, so top-level await compiles and names do not clash.
    writeFileSync(out, `// from ${relative(root, from)}\n${code}\nexport {};\n`);
    return out;
  });
}
