import { describe, expect, it } from 'vitest';
import { type Assessment, DEFAULT_RULE_SET, type DeclarationRecord, type RuleSet, assessDeclaration } from '@healthcode/core/assessment';
import { type Declaration } from '@healthcode/core';
import { NOW, residentAnswers } from '../declaration/fixtures.js';

/** Rules with one high-risk district (16-22 Nov) and one medium-risk city (all November). */
const RULES: RuleSet = {
  ...DEFAULT_RULE_SET,
  version: 'test-2026-11',
  riskAreas: [
    { region: '420106', level: 'high', validFrom: '2026-11-16', validUntil: '2026-11-22' },
    { region: '310100', level: 'medium', validFrom: '2026-11-01', validUntil: '2026-11-30' },
  ],
};

type Change = (d: Declaration) => void;

function declaration(...changes: Change[]): Declaration {
  const d = residentAnswers() as Declaration;
  for (const change of changes) change(d);
  return d;
}

const temperature =
  (t: number): Change =>
  (d) =>
    void (d.health.temperature = t);
const symptoms =
  (...s: Declaration['health']['symptoms']): Change =>
  (d) =>
    void (d.health.symptoms = s);
const visit =
  (region: string, from: string, to = from): Change =>
  (d) =>
    void d.travel.places.push({ region, from, to });
const contact =
  (caseType: 'confirmed' | 'suspected', lastContactDate: string): Change =>
  (d) =>
    void (d.contacts = { hadContact: true, caseType, lastContactDate });
const returningFrom =
  (origin: string, arrivalDate: string): Change =>
  (d) =>
    void (d.returning = { isReturning: true, origin, arrivalDate, transport: 'train' });

/** A city time on `date` (Asia/Shanghai), 09:00 unless given. */
const cityTime = (date: string, time = '09:00'): Date => new Date(`${date}T${time}:00+08:00`);

function assess(d: Declaration, now = NOW, history: DeclarationRecord[] = []): Assessment {
  return assessDeclaration(d, { rules: RULES, now, history });
}

/** Summary of an assessment: status, days and reason codes. */
function summary(a: Assessment): [string, number, string[]] {
  return [a.status, a.quarantineDays, a.reasons.map((r) => r.code)];
}

describe('assessDeclaration: one declaration (made 2026-11-27)', () => {
  it.each<[string, Change[], [string, number, string[]]]>([
    ['nothing to report', [], ['green', 0, []]],
    ['37.2 °C', [temperature(37.2)], ['green', 0, []]],
    ['37.3 °C', [temperature(37.3)], ['yellow', 7, ['fever']]],
    ['a cough', [symptoms('cough')], ['yellow', 7, ['symptoms']]],
    ['contact with a confirmed case', [contact('confirmed', '2026-11-20')], ['red', 14, ['contact_confirmed']]],
    ['contact with a suspected case', [contact('suspected', '2026-11-20')], ['red', 14, ['contact_suspected']]],
    ['contact on day 14 of the window', [contact('confirmed', '2026-11-14')], ['red', 14, ['contact_confirmed']]],
    ['contact on day 15, outside the window', [contact('confirmed', '2026-11-13')], ['green', 0, []]],
    ['a stay in the high-risk district on its first risky day', [visit('420106', '2026-11-16')], ['red', 14, ['travel_high_risk']]],
    ['a stay ending the day before it became risky', [visit('420106', '2026-11-10', '2026-11-15')], ['green', 0, []]],
    ['a stay in the high-risk district on its last risky day', [visit('420106', '2026-11-22')], ['red', 14, ['travel_high_risk']]],
    ['a stay starting the day after it stopped being risky', [visit('420106', '2026-11-23', '2026-11-25')], ['green', 0, []]],
    ['a stay in the medium-risk city on day 14', [visit('310104', '2026-11-14')], ['yellow', 7, ['travel_medium_risk']]],
    ['a stay in the medium-risk city ending on day 15', [visit('310104', '2026-11-13')], ['green', 0, []]],
    ['a stay reported as the whole city around the high-risk district', [visit('420100', '2026-11-18')], ['red', 14, ['travel_high_risk']]],
    ['a stay in another district of the same city', [visit('420102', '2026-11-18')], ['green', 0, []]],
    ['a return from the high-risk district', [returningFrom('420106', '2026-11-18')], ['red', 14, ['travel_high_risk']]],
    [
      'a medium-risk stay and a confirmed contact, most severe first',
      [visit('310104', '2026-11-20'), contact('confirmed', '2026-11-20'), temperature(37.5)],
      ['red', 14, ['contact_confirmed', 'travel_medium_risk', 'fever']],
    ],
  ])('%s', (_, changes, expected) => {
    expect(summary(assess(declaration(...changes)))).toEqual(expected);
  });

  it('names its rule set and explains each reason in every locale', () => {
    const a = assess(declaration(temperature(38)));
    expect(a.ruleSetVersion).toBe('test-2026-11');
    expect(a.reasons[0]?.message.en).toContain('37.3');
    expect(Object.keys(a.reasons[0]?.message ?? {}).sort()).toEqual(['en', 'zh-CN', 'zh-HK']);
  });

  it('uses the default rules when none are given', () => {
    const a = assessDeclaration(declaration(contact('suspected', '2026-11-26')), { now: NOW });
    expect([a.status, a.ruleSetVersion]).toEqual(['red', DEFAULT_RULE_SET.version]);
  });

  it('follows the thresholds of the rule set', () => {
    const rules: RuleSet = { ...RULES, temperature: { thresholdCelsius: 37.5, outcome: { status: 'red', quarantineDays: 3 } } };
    expect(assessDeclaration(declaration(temperature(37.4)), { rules, now: NOW }).status).toBe('green');
    expect(summary(assessDeclaration(declaration(temperature(37.5)), { rules, now: NOW }))).toEqual(['red', 3, ['fever']]);
  });
});

describe('assessDeclaration: recovery through daily declarations', () => {
  /** Declarations at 09:00 on each day from `from` to `to`, inclusive. */
  function daily(from: string, to: string, ...changes: Change[]): DeclarationRecord[] {
    const records: DeclarationRecord[] = [];
    for (let t = cityTime(from); t <= cityTime(to); t = new Date(t.getTime() + 86_400_000)) {
      records.push({ declaredAt: t, declaration: declaration(...changes) });
    }
    return records;
  }

  const fever20th = { declaredAt: cityTime('2026-11-20'), declaration: declaration(temperature(38)) };

  it('turns yellow green after 7 consecutive clean daily declarations', () => {
    const history = [fever20th, ...daily('2026-11-21', '2026-11-26')];
    expect(assess(declaration(), cityTime('2026-11-27'), history).status).toBe('green');
    expect(assess(declaration(), cityTime('2026-11-26'), history.slice(0, -1)).status).toBe('yellow');
  });

  it('restarts the count after a missed day', () => {
    const history = [fever20th, ...daily('2026-11-21', '2026-11-23'), ...daily('2026-11-25', '2026-11-30')];
    expect(assess(declaration(), cityTime('2026-11-30'), history.slice(0, -1)).status).toBe('yellow');
    expect(assess(declaration(), cityTime('2026-12-01'), history).status).toBe('green');
  });

  it('restarts the count on new risk', () => {
    const history = [fever20th, ...daily('2026-11-21', '2026-11-23'), ...daily('2026-11-24', '2026-11-24', symptoms('cough'))];
    const after = daily('2026-11-25', '2026-11-30');
    expect(assess(declaration(), cityTime('2026-11-27'), [...history, ...after]).status).toBe('yellow');
    expect(assess(declaration(), cityTime('2026-12-01'), [...history, ...after]).status).toBe('green');
  });

  it('does not count a trip repeated in each daily declaration as new risk', () => {
    const trip = visit('420106', '2026-11-18');
    const history = daily('2026-11-18', '2026-12-01', trip);
    expect(summary(assess(declaration(trip), cityTime('2026-12-01'), history.slice(0, -1)))).toEqual(['red', 14, ['travel_high_risk']]);
    expect(assess(declaration(), cityTime('2026-12-02'), history).status).toBe('green');
  });

  it('keeps the most severe active episode and lists the others', () => {
    const stillInContact = contact('confirmed', '2026-11-15');
    const history = [...daily('2026-11-15', '2026-11-19', stillInContact), fever20th, ...daily('2026-11-21', '2026-11-25', stillInContact)];
    expect(summary(assess(declaration(stillInContact), cityTime('2026-11-26'), history))).toEqual([
      'red',
      14,
      ['contact_confirmed', 'fever'],
    ]);
    // The fever's 7 clean days are done on the 27th; the contact's 14 restarted after the fever.
    const nextDay = [...history, ...daily('2026-11-26', '2026-11-26', stillInContact)];
    expect(summary(assess(declaration(stillInContact), cityTime('2026-11-27'), nextDay))).toEqual(['red', 14, ['contact_confirmed']]);
    const later = [...nextDay, ...daily('2026-11-27', '2026-12-03', stillInContact)];
    expect(assess(declaration(), cityTime('2026-12-04'), later).status).toBe('green');
    expect(assess(declaration(), cityTime('2026-12-03'), later.slice(0, -1)).status).toBe('red');
  });

  it('never revives an episode that has ended', () => {
    const history = [
      { declaredAt: cityTime('2026-10-01'), declaration: declaration(temperature(38)) },
      ...daily('2026-10-02', '2026-10-08'),
    ];
    expect(assess(declaration(), cityTime('2026-11-27'), history).status).toBe('green');
  });

  it('ignores history after the assessed declaration', () => {
    expect(
      assess(declaration(), cityTime('2026-11-27'), [{ declaredAt: cityTime('2026-11-28'), declaration: declaration(temperature(39)) }])
        .status,
    ).toBe('green');
  });

  it('counts days in Asia/Shanghai, not UTC', () => {
    // 16:30 UTC on the 19th is 00:30 on the 20th in the city: the fever belongs to the 20th.
    const history = [
      { declaredAt: new Date('2026-11-19T16:30:00Z'), declaration: declaration(temperature(38)) },
      ...daily('2026-11-21', '2026-11-25'),
    ];
    expect(assess(declaration(), cityTime('2026-11-26'), history).status).toBe('yellow');
    expect(assess(declaration(), cityTime('2026-11-27'), [...history, ...daily('2026-11-26', '2026-11-26')]).status).toBe('green');
  });

  it('is deterministic whatever the order of the history', () => {
    const history = [fever20th, ...daily('2026-11-21', '2026-11-26')];
    expect(assess(declaration(), NOW, [...history].reverse())).toEqual(assess(declaration(), NOW, history));
  });
});
