// One build for every published package: ESM + CJS + declarations for every entry that
// the package's `exports` map names (`./dist/x/y.mjs` is built from `src/x/y.ts`), plus its bin.
// Dependencies and Node built-ins stay external, so each package ships only its own code; a
// devDependency that the sources import (@noble/* in core) is bundled, so the built files carry
// it after the BigInt-literal rewrite (scripts/bigint-literals.mjs).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { bigintLiterals } from './scripts/bigint-literals.mjs';
import { minifyCommonJs } from './scripts/minify.mjs';
import { exportEntries, MINIPROGRAM_PACKAGES, workspacePackages } from './scripts/workspace.mjs';

// Packages that others depend on build first, so their declarations exist.
const order = ['core', 'mock-host'];
const rank = (p) => {
  const i = order.findIndex((d) => p.name === `@healthcode/${d}`);
  return i === -1 ? order.length : i;
};

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function externalFor(pkg) {
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return (id) => builtins.has(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));
}

/**
 * Declarations for the `require` condition: a `.d.cts` beside every `.d.ts`, importing its
 * siblings as `.cjs`, so TypeScript under node16 resolution types CommonJS consumers as
 * CommonJS (a `.d.ts` inside a `"type": "module"` package would claim ESM).
 */
function cjsDeclarations(dist) {
  return {
    name: 'cjs-declarations',
    closeBundle() {
      for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
        const file = join(entry.parentPath, entry.name);
        const text = readFileSync(file, 'utf8').replace(/((?:from|import)\s*\(?\s*['"]\.{1,2}\/[^'"]*?)\.js(['"])/g, '$1.cjs$2');
        writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text);
      }
    },
  };
}

function configFor({ dir, pkg }) {
  const entries = Object.fromEntries(exportEntries(pkg).map(({ entry }) => [entry, join(dir, 'src', `${entry}.ts`)]));
  if (pkg.bin) entries.bin = join(dir, 'src', 'bin.ts');
  return {
    input: entries,
    external: externalFor(pkg),
    output: [
      { dir: join(dir, 'dist'), format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', sourcemap: true },
      { dir: join(dir, 'dist'), format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', sourcemap: true, exports: 'named', plugins: [minifyCommonJs()] },
    ],
    plugins: [
      // A fresh dist/ each build: stale chunks from an earlier build would be published too.
      { name: 'clean-dist', buildStart: () => rmSync(join(dir, 'dist'), { recursive: true, force: true }) },
      cjsDeclarations(join(dir, 'dist')),
      nodeResolve({ resolveOnly: Object.keys(pkg.devDependencies ?? {}), rootDir: dir }),
      typescript({
        tsconfig: join(dir, 'tsconfig.json'),
        include: [`${dir}/src/**/*.ts`],
        compilerOptions: {
          noEmit: false,
          ...(MINIPROGRAM_PACKAGES.includes(pkg.name) && { target: 'ES2018' }),
          declaration: true,
          declarationDir: join(dir, 'dist'),
          rootDir: join(dir, 'src'),
          outDir: join(dir, 'dist'),
          // Built packages import each other through node_modules, not sources.
          paths: {},
        },
      }),
      bigintLiterals(),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'EMPTY_BUNDLE') return;
      warn(warning);
    },
  };
}

export default workspacePackages()
  .filter((p) => !p.private)
  .sort((a, b) => rank(a) - rank(b))
  .map(configFor);
