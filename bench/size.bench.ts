// Bundle size of what a mini-program actually ships: each scenario imports only what it
// uses from the sources, bundled, tree-shaken and minified by esbuild for an ES2018
// engine. Mini-program packages are capped at 2 MB per package, so these figures decide
// whether a host app can carry the SDK in its main package.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { mergeResults } from './results.js';
// @ts-expect-error plain ESM helper shared with rollup.config.mjs
import { sourceEntries } from '../scripts/workspace.mjs';

const entries = sourceEntries() as Record<string, string>;
// Resolves the workspace's public specifiers to their sources, as the tests do.
const workspaceSources = {
  name: 'workspace-sources',
  setup(b: { onResolve(o: { filter: RegExp }, f: (a: { path: string }) => { path: string } | undefined): void }) {
    b.onResolve({ filter: /^@healthcode\// }, (a) => (entries[a.path] ? { path: entries[a.path]! } : undefined));
  },
};

const scenarios: Record<string, string> = {
  // A checkpoint scanner that only verifies codes offline.
  'checkpoint (verifyTrustList + verifyCode)': `
    import { verifyTrustList, verifyCode } from '@healthcode/core';
    export { verifyTrustList, verifyCode };`,
  // The resident's side inside WeChat: client, adapter and the canvas renderer.
  'wechat app (client + adapter + canvas)': `
    import { createClient, createRenderModel, drawOnCanvas } from '@healthcode/core';
    import { wechatHost } from '@healthcode/adapter-wechat';
    export { createClient, createRenderModel, drawOnCanvas, wechatHost };`,
  // Declaration form and validation alone, for a host that renders its own code view.
  'declaration form (descriptor + validate)': `
    import { buildFormDescriptor, validateDeclaration } from '@healthcode/core';
    export { buildFormDescriptor, validateDeclaration };`,
  'everything in @healthcode/core': `export * from '@healthcode/core';`,
};

const rows = [];
for (const [name, contents] of Object.entries(scenarios)) {
  const out = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2018',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    plugins: [workspaceSources],
    write: false,
    logLevel: 'silent',
  });
  const bytes = out.outputFiles[0]!.contents;
  const gzip = gzipSync(bytes).length;
  rows.push({ name: `size.${name}`, minifiedBytes: bytes.length, gzipBytes: gzip });
  console.log(`${name.padEnd(44)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KiB minified ${(gzip / 1024).toFixed(1).padStart(7)} KiB gzip`);
}
mergeResults(rows);
