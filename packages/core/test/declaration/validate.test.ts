import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DeclarationIssue, validateDeclaration } from '@healthcode/core';
import { LOCALES } from '@healthcode/core/declaration';
import { EXAMPLE_NAMES, NOW, loadExample, residentAnswers } from './fixtures.js';

const KNOWN_CODES = new Set([
  'required',
  'invalid_type',
  'invalid_format',
  'invalid_option',
  'invalid_check_digit',
  'invalid_birth_date',
  'invalid_region',
  'invalid_country',
  'date_in_future',
  'out_of_window',
  'invalid_range',
  'out_of_range',
  'exclusive_option',
  'duplicate_option',
  'too_long',
  'too_many',
  'unknown_field',
  'unknown_form_version',
]);

function issuesOf(answers: unknown, opts: Parameters<typeof validateDeclaration>[1] = {}): DeclarationIssue[] {
  return validateDeclaration(answers, { now: NOW, ...opts }).issues;
}

function setPath(target: Record<string, any>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((obj, key) => obj[key], target);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

/** The resident's answers with one answer replaced (or removed when `value` is undefined). */
function residentWith(path: string, value: unknown): Record<string, any> {
  const answers = residentAnswers();
  setPath(answers, path, value);
  return answers;
}

describe('validateDeclaration', () => {
  it.each(EXAMPLE_NAMES)('accepts the %s example as a declaration', (name) => {
    const example = loadExample(name);
    const result = validateDeclaration(example.answers, { now: new Date(example.declaredAt), formVersion: example.formVersion });
    expect(result).toEqual({ ok: true, declaration: example.answers, issues: [] });
  });

  it.each([
    ['a missing name', 'person.name', undefined, 'required'],
    ['an empty name', 'person.name', '', 'required'],
    ['a name of digits', 'person.name', '007', 'invalid_format'],
    ['an unknown document type', 'identityDocument.type', 'driving_licence', 'invalid_option'],
    ['a missing document type', 'identityDocument.type', undefined, 'required'],
    ['an ID number with a wrong check digit', 'identityDocument.number', '110105194912310021', 'invalid_check_digit'],
    ['an ID number of 15 digits', 'identityDocument.number', '110105491231002', 'invalid_format'],
    ['an ID number with an impossible birth date', 'identityDocument.number', '110105194902300020', 'invalid_birth_date'],
    ['a number instead of a text', 'phone', 13812345678, 'invalid_type'],
    ['a landline number', 'phone', '01012345678', 'invalid_format'],
    ['a +86 number that is not a mobile', 'phone', '+861012345678', 'invalid_format'],
    ['a prefecture code as district', 'district', '110100', 'invalid_region'],
    ['a five-digit district', 'district', '11010', 'invalid_format'],
    ['a temperature of 50 °C', 'health.temperature', 50, 'out_of_range'],
    ['a temperature of 33.9 °C', 'health.temperature', 33.9, 'out_of_range'],
    ['a temperature given as text', 'health.temperature', '36.5', 'invalid_type'],
    ['no symptom answer', 'health.symptoms', [], 'required'],
    ['"none" with a symptom', 'health.symptoms', ['none', 'cough'], 'exclusive_option'],
    ['a symptom twice', 'health.symptoms', ['cough', 'cough'], 'duplicate_option'],
    ['an unknown symptom', 'health.symptoms', ['sneezing'], 'invalid_option'],
    ['a contact without its details', 'contacts', { hadContact: true }, 'required'],
    ['an unexpected answer', 'favouriteColour', 'blue', 'unknown_field'],
  ])('reports %s', (_, path, value, code) => {
    const issues = issuesOf(residentWith(path, value));
    expect(issues.map((i) => i.code)).toContain(code);
  });

  it('reports every issue at once, one per field, each at its path', () => {
    const answers = residentWith('person.name', '');
    setPath(answers, 'phone', 'not a phone');
    setPath(answers, 'health.temperature', 99);
    setPath(answers, 'travel', { places: [{ region: '420106', from: '2026-11-20', to: '2026-11-19' }] });
    expect(issuesOf(answers).map((i) => [i.path, i.code])).toEqual([
      ['person.name', 'required'],
      ['phone', 'invalid_format'],
      ['health.temperature', 'out_of_range'],
      ['travel.places.0.to', 'invalid_range'],
    ]);
  });

  it('asks for the fields of the chosen document type only', () => {
    const passportWithout = residentWith('identityDocument', { type: 'passport', number: 'E12345678' });
    expect(issuesOf(passportWithout)).toMatchObject([{ path: 'identityDocument.nationality', code: 'required' }]);
    const idWithNationality = residentWith('identityDocument.nationality', 'CHN');
    expect(issuesOf(idWithNationality)).toMatchObject([{ path: 'identityDocument.nationality', code: 'unknown_field' }]);
  });

  it('asks for arrival details only from people who are returning', () => {
    expect(issuesOf(residentWith('returning', { isReturning: true })).map((i) => i.path)).toEqual([
      'returning.arrivalDate',
      'returning.origin',
      'returning.transport',
    ]);
    expect(issuesOf(residentWith('returning', { isReturning: false, origin: '420100' }))).toMatchObject([
      { path: 'returning.origin', code: 'unknown_field' },
    ]);
  });

  describe('dates, in the city time zone', () => {
    const place = (from: string, to: string) => ({ places: [{ region: '420106', from, to }] });

    it('accepts a stay ending on day 14 of the window and refuses one ending on day 15', () => {
      // Day 1 is 2026-11-27, the declaration day; day 14 is 2026-11-14.
      expect(issuesOf(residentWith('travel', place('2026-11-10', '2026-11-14')))).toEqual([]);
      expect(issuesOf(residentWith('travel', place('2026-11-10', '2026-11-13')))).toMatchObject([
        { path: 'travel.places.0.to', code: 'out_of_window' },
      ]);
    });

    it('refuses dates after the declaration day', () => {
      expect(issuesOf(residentWith('travel', place('2026-11-27', '2026-11-28')))).toMatchObject([
        { path: 'travel.places.0.to', code: 'date_in_future' },
      ]);
    });

    it('counts days in Asia/Shanghai, whatever the UTC date', () => {
      const answers = residentWith('travel', place('2026-11-28', '2026-11-28'));
      // 16:30 UTC on the 27th is 00:30 on the 28th in the city.
      expect(issuesOf(answers, { now: new Date('2026-11-27T16:30:00Z') })).toEqual([]);
      expect(issuesOf(answers, { now: new Date('2026-11-27T15:59:59Z') })).toMatchObject([
        { path: 'travel.places.0.from', code: 'date_in_future' },
        { path: 'travel.places.0.to', code: 'date_in_future' },
      ]);
    });

    it('refuses dates that do not exist', () => {
      expect(issuesOf(residentWith('contacts', { hadContact: true, caseType: 'confirmed', lastContactDate: '2026-02-30' }))).toMatchObject([
        { path: 'contacts.lastContactDate', code: 'invalid_format' },
      ]);
    });

    it('refuses a contact date before the window', () => {
      expect(issuesOf(residentWith('contacts', { hadContact: true, caseType: 'suspected', lastContactDate: '2026-11-13' }))).toMatchObject([
        { path: 'contacts.lastContactDate', code: 'out_of_window' },
      ]);
    });
  });

  it('writes messages in the requested locale, zh-CN by default', () => {
    const answers = residentWith('health.temperature', 50);
    const messages = LOCALES.map((locale) => issuesOf(answers, { locale })[0]?.message);
    expect(new Set(messages).size).toBe(LOCALES.length);
    expect(issuesOf(answers)[0]?.message).toBe(messages[0]);
    expect(issuesOf(answers, { locale: 'en' })[0]?.message).toContain('43');
    expect(
      issuesOf(residentWith('travel', { places: [{ region: '420106', from: '2026-11-01', to: '2026-11-01' }] }), { locale: 'en' })[0]
        ?.message,
    ).toContain('14 days');
  });

  it('never echoes a name or an identity number in an issue', () => {
    const secretNumber = '110105194912310021';
    const answers = residentWith('identityDocument.number', secretNumber);
    setPath(answers, 'person.name', '张三7');
    for (const locale of LOCALES) {
      const text = JSON.stringify(issuesOf(answers, { locale }));
      expect(text).not.toContain(secretNumber);
      expect(text).not.toContain('张三');
    }
  });

  it('reports an unknown form version with a stable code', () => {
    expect(issuesOf(residentAnswers(), { formVersion: '0.9' })).toMatchObject([{ path: 'formVersion', code: 'unknown_form_version' }]);
  });

  it('answers a hostile object with an issue instead of throwing', () => {
    const hostile = Object.defineProperty({}, 'person', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(validateDeclaration(hostile)).toMatchObject({ ok: false, issues: [{ code: 'unreadable_input' }] });
  });

  it('never throws and answers any JSON with known codes', () => {
    const keys = ['person', 'identityDocument', 'phone', 'district', 'health', 'travel', 'contacts', 'returning'];
    const anyAnswers = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()));
    fc.assert(
      fc.property(anyAnswers, fc.constantFrom(...LOCALES), (input, locale) => {
        const result = validateDeclaration(input, { locale, now: NOW });
        for (const issue of result.issues) {
          expect(KNOWN_CODES).toContain(issue.code);
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
