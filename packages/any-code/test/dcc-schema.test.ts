import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script, no declarations
import { compile, OUTPUT_FILE } from '../scripts/compile-dcc-schema.mjs';
import { validate } from '../src/formats/eu-dcc/schema/validate-hcert.generated.js';
import { VACCINATION } from './support/vectors.js';

describe('the compiled DCC schema validator', () => {
  it('is what scripts/compile-dcc-schema.mjs writes from the vendored schema (regenerate it after a schema change)', () => {
    expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(compile());
  });

  it('needs neither Ajv nor code generation at run time', () => {
    const source = readFileSync(OUTPUT_FILE, 'utf8');
    expect(source).not.toMatch(/\brequire\(|\bimport\b|new Function|\beval\(/);
  });

  it('accepts a vaccination certificate and refuses one without a name or with two groups', () => {
    expect(validate(VACCINATION)).toBe(true);
    expect(validate({ ...VACCINATION, nam: undefined })).toBe(false);
    expect(validate({ ...VACCINATION, t: VACCINATION.v })).toBe(false);
  });
});
