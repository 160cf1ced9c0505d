import { describe, expect, it } from 'vitest';
import { CURRENT_FORM_VERSION } from '@healthcode/core/declaration';
import { buildFormDescriptor } from '@healthcode/core';
import { cli } from './declaration-commands.js';

describe('healthcode form', () => {
  it('prints the current descriptor with every locale', async () => {
    const run = await cli(['form']);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual(buildFormDescriptor());
    expect(run.json().version).toBe(CURRENT_FORM_VERSION);
  });

  it('keeps only one locale with --locale', async () => {
    const run = await cli(['form', '--locale', 'en']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ locale: 'en', title: 'Health declaration' });
    expect(run.stdout).not.toContain('健康');
  });

  it('prints an older version with --version', async () => {
    const run = await cli(['form', '--version', '1.0']);
    expect(run.json().sections.map((s: { id: string }) => s.id)).toEqual(['personal', 'health', 'exposure']);
  });

  it.each([[['form', '--locale', 'fr']], [['form', '--version', '0.9']], [['form', '--colour']], [['form', 'extra']]])(
    'exits 2 on %j',
    async (argv) => {
      const run = await cli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: healthcode form');
    },
  );
});
