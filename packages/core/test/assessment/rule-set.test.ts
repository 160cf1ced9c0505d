import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, RuleSetError, parseRuleSet } from '@healthcode/core/assessment';

describe('parseRuleSet', () => {
  it('reads the default rules back from JSON', () => {
    expect(parseRuleSet(JSON.parse(JSON.stringify(DEFAULT_RULE_SET)))).toEqual(DEFAULT_RULE_SET);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_RULE_SET.temperature.thresholdCelsius).toBe(37.3);
    expect(DEFAULT_RULE_SET.riskLevels).toEqual({ high: { status: 'red', quarantineDays: 14 }, medium: { status: 'yellow', quarantineDays: 7 } });
    expect(DEFAULT_RULE_SET.windowDays).toBe(14);
  });

  it('refuses a rule set with every problem listed', () => {
    const bad = {
      ...DEFAULT_RULE_SET,
      riskAreas: [
        { region: '420106', level: 'high', validFrom: '2026-11-20', validUntil: '2026-11-10' },
        { region: '999999', level: 'extreme', validFrom: '2026-02-30', validUntil: '2026-11-10' },
      ],
    };
    let error: unknown;
    try {
      parseRuleSet(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleSetError);
    expect((error as RuleSetError).code).toBe('rule_set/invalid_rule_set');
    expect((error as RuleSetError).issues.map((i) => i.path)).toEqual([
      'riskAreas.0.validUntil',
      'riskAreas.1.region',
      'riskAreas.1.level',
      'riskAreas.1.validFrom',
    ]);
  });

  it.each([null, 42, 'rules', [], {}])('refuses %j', (json) => {
    expect(() => parseRuleSet(json)).toThrow(RuleSetError);
  });
});
