// Rollup output plugin: minifies CommonJS chunks. A mini-program build copies a package's CommonJS
// files as they are (WeChat's "Build npm" takes `main` and what it requires, without a bundler),
// so what is minified here is what the phone downloads; ESM stays readable, for the bundlers that
// minify it anyway. The syntax is lowered to ES2018, what older mini-program engines parse (BigInt
// literals, which no target can lower, are rewritten before this runs: bigint-literals.mjs).
// License comments (`/*! … */`) are kept; source maps follow.
import { transform } from 'esbuild';

/** @returns {import('rollup').Plugin} */
export function minifyCommonJs() {
  return {
    name: 'minify-commonjs',
    async renderChunk(code) {
      const out = await transform(code, { minify: true, format: 'cjs', target: 'es2018', sourcemap: 'external', legalComments: 'inline' });
      return { code: out.code, map: out.map };
    },
  };
}
