import { describe, expect, it } from 'vitest';
import { DEFAULT_FACT_OUTCOMES, DEFAULT_RULE_SET, evaluateStatus, factOutcomes, parseRuleSet } from '@healthcode/core/assessment';
import { type Declaration } from '@healthcode/core';
import { NOW, residentAnswers } from '../declaration/fixtures.js';

const green = residentAnswers() as Declaration;
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
const declared = [{ declaredAt: hours(-1), declaration: green }];

describe('the colour as a function of declarations, facts and rules', () => {
  it('is green with no reasons when nothing applies', () => {
    expect(evaluateStatus({ declarations: declared, now: NOW })).toEqual({ status: 'green', reasons: [], ruleSetVersion: DEFAULT_RULE_SET.version });
  });

  it('turns red for an imported confirmed contact, clearing at the end of the quarantine', () => {
    const contacts = [{ caseType: 'confirmed' as const, lastContactDate: '2026-11-25', recordedAt: hours(-2) }];
    const { status, reasons } = evaluateStatus({ declarations: declared, facts: { contacts }, now: NOW });
    expect(status).toBe('red');
    expect(reasons).toEqual([
      expect.objectContaining({ code: 'contact_confirmed', since: '2026-11-25', clears: expect.objectContaining({ en: 'Clears on 2026-12-09, at the end of the quarantine.' }) }),
    ]);
  });

  it('keeps a positive test until a negative one sampled after it, and reports the last negative test', () => {
    const positive = { result: 'positive' as const, sampledAt: hours(-30), recordedAt: hours(-20) };
    const red = evaluateStatus({ declarations: declared, facts: { tests: [positive] }, now: NOW });
    expect(red.reasons[0]).toMatchObject({ code: 'test_positive', status: 'red' });
    expect(red.reasons[0]?.clears['zh-CN']).toContain('阴性');
    const negative = { result: 'negative' as const, sampledAt: hours(-5), recordedAt: hours(-3) };
    expect(evaluateStatus({ declarations: declared, facts: { tests: [positive, negative] }, now: NOW })).toMatchObject({ status: 'green', lastNegativeTestAt: hours(-5) });
  });

  it('applies a manual status until its end day, and a green correction clears only what was known when it was set', () => {
    const manual = [{ status: 'yellow' as const, setAt: hours(-1), until: '2026-12-31' }];
    expect(evaluateStatus({ declarations: declared, facts: { manual }, now: NOW }).reasons[0]).toMatchObject({ code: 'manual', status: 'yellow' });
    const contact = { caseType: 'suspected' as const, lastContactDate: '2026-11-25', recordedAt: hours(-2) };
    const correction = { status: 'green' as const, setAt: hours(-1) };
    expect(evaluateStatus({ declarations: declared, facts: { contacts: [contact], manual: [correction] }, now: NOW }).status).toBe('green');
    const later = { ...contact, recordedAt: hours(-0.5) };
    expect(evaluateStatus({ declarations: declared, facts: { contacts: [later], manual: [correction] }, now: NOW }).status).toBe('red');
  });

  it('ignores facts recorded after now', () => {
    const contacts = [{ caseType: 'confirmed' as const, lastContactDate: '2026-11-25', recordedAt: hours(1) }];
    expect(evaluateStatus({ declarations: declared, facts: { contacts }, now: NOW }).status).toBe('green');
  });
});

describe('rule-set format 2', () => {
  it('still reads a format-1 rule set, with the default fact outcomes', () => {
    expect(factOutcomes(parseRuleSet(DEFAULT_RULE_SET))).toEqual(DEFAULT_FACT_OUTCOMES);
  });

  it('reads the outcomes of positive tests, venue exposure and manual statuses, and refuses them without "format": 2', () => {
    const facts = { positiveTest: { status: 'red', quarantineDays: 21 }, venueExposure: { status: 'yellow', quarantineDays: 3 }, manual: { status: 'red', quarantineDays: 7 } };
    expect(factOutcomes(parseRuleSet({ ...DEFAULT_RULE_SET, format: 2, facts }))).toEqual(facts);
    expect(() => parseRuleSet({ ...DEFAULT_RULE_SET, facts })).toThrow(/format/);
  });
});
