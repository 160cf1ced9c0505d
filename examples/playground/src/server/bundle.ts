import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The page scripts and their source maps, built in memory: file name under `/assets/` -> text. */
export type Bundles = Map<string, string>;

const entryPoints = {
  app: fileURLToPath(new URL('../browser/app.ts', import.meta.url)),
  checkpoint: fileURLToPath(new URL('../browser/checkpoint.ts', import.meta.url)),
};

/**
 * Bundles the browser side of the playground with esbuild. `@healthcode/*` resolve to
 * their TypeScript sources through the workspace tsconfig `paths`, so nothing needs
 * building first.
 */
export async function buildBundles(): Promise<Bundles> {
  const result = await build({
    entryPoints,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'linked',
    minify: true,
    outdir: '/assets',
    logLevel: 'silent',
    tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
  });
  return new Map(result.outputFiles.map((f) => [f.path.replace(/^.*\/assets\//, ''), f.text]));
}
