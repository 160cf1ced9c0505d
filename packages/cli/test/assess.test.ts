import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '@healthcode/core/assessment';
import { EXAMPLES, cli, tempDir } from './declaration-commands.js';

const hkVisitor = JSON.parse(readFileSync(join(EXAMPLES, 'hk-visitor.json'), 'utf8'));

describe('healthcode assess', () => {
  it.each(['resident.json', 'foreigner-passport.json', 'hk-visitor.json'])(
    'assesses the example %s as green under the default rules',
    async (file) => {
      const run = await cli(['assess', file]);
      expect(run.code).toBe(0);
      expect(run.json()).toEqual({ status: 'green', quarantineDays: 0, reasons: [], ruleSetVersion: DEFAULT_RULE_SET.version });
    },
  );

  it('applies a rule-set file', async () => {
    const rules = {
      ...DEFAULT_RULE_SET,
      version: 'hk-2026-11',
      riskAreas: [{ region: '810000', level: 'medium', validFrom: '2026-11-20', validUntil: '2026-11-30' }],
    };
    const dir = tempDir({ 'rules.json': rules, 'hk.json': hkVisitor });
    const run = await cli(['assess', 'hk.json', '--rules', 'rules.json'], dir);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ status: 'yellow', quarantineDays: 7, ruleSetVersion: 'hk-2026-11' });
    expect(run.json().reasons[0]).toMatchObject({ code: 'travel_medium_risk', message: { en: expect.stringContaining('medium-risk') } });
  });

  it('assesses at --at', async () => {
    const dir = tempDir({
      'fever.json': { ...hkVisitor, answers: { ...hkVisitor.answers, health: { temperature: 37.3, symptoms: ['none'] } } },
    });
    const run = await cli(['assess', 'fever.json', '--at', '2026-11-28T08:00:00+08:00'], dir);
    expect(run.json()).toMatchObject({ status: 'yellow', reasons: [{ code: 'fever' }] });
  });

  it('prints the validation issues and exits 1 for an invalid declaration', async () => {
    const dir = tempDir({ 'bad.json': { ...hkVisitor, answers: { ...hkVisitor.answers, phone: 'none' } } });
    const run = await cli(['assess', 'bad.json'], dir);
    expect(run.code).toBe(1);
    expect(run.json()).toEqual([expect.objectContaining({ path: 'phone', code: 'invalid_format' })]);
  });

  it('exits 1 with the problems of an invalid rule-set file', async () => {
    const dir = tempDir({ 'rules.json': { version: 'x' }, 'hk.json': hkVisitor });
    const run = await cli(['assess', 'hk.json', '--rules', 'rules.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('invalid rule set');
  });

  it.each([[['assess']], [['assess', 'resident.json', '--at', 'soon']], [['assess', 'resident.json', '--rules']]])(
    'exits 2 on %j',
    async (argv) => {
      expect((await cli(argv)).code).toBe(2);
    },
  );
});
