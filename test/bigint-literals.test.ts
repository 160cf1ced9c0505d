import { rollup } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM rollup plugin shared with rollup.config.mjs
import { bigintLiterals } from '../scripts/bigint-literals.mjs';

async function build(source: string): Promise<string> {
  const bundle = await rollup({
    input: 'entry',
    plugins: [{ name: 'virtual', resolveId: (id) => id, load: () => source }, bigintLiterals()],
  });
  const { output } = await bundle.generate({ format: 'cjs', exports: 'named' });
  await bundle.close();
  return output[0].code;
}

describe('bigint-literals build step', () => {
  it('rewrites every BigInt literal as a BigInt("…") call with the same value, leaving other text alone', async () => {
    const code = await build(`export const values = [0n, 7n, 0xffn, 0b101n, 1_000n, 2n ** 64n]; export const note = '10n is text';`);
    expect(JSON.stringify(parseAst(code))).not.toMatch(/"bigint":/);
    expect(code).toContain(`'10n is text'`);
    const module = { exports: {} as { values?: bigint[] } };
    new Function('module', 'exports', code)(module, module.exports);
    expect(module.exports.values).toEqual([0n, 7n, 255n, 5n, 1000n, 2n ** 64n]);
  });

  it('leaves a chunk without literals as it was', async () => {
    const code = await build(`export const n = BigInt(3); export const s = 'x';`);
    expect(code).toContain('BigInt(3)');
  });
});
