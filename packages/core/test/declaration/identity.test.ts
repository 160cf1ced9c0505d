import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkForeignPermanentResidentIdNumber,
  checkHkMacauPermitNumber,
  checkNationality,
  checkPassportNumber,
  checkResidentIdNumber,
  checkTaiwanPermitNumber,
  gb11643CheckChar,
} from '@healthcode/core/declaration';
import { mod11_2CheckChar } from './fixtures.js';

const ctx = { today: '2026-11-27' };
const withCheck = (body: string): string => body + mod11_2CheckChar(body);
const withWrongCheck = (body: string): string => body + (mod11_2CheckChar(body) === '0' ? '1' : '0');

describe('GB 11643 check character', () => {
  it('accepts the examples printed in the standard', () => {
    expect(gb11643CheckChar('11010519491231002')).toBe('X');
    expect(gb11643CheckChar('44052418800101001')).toBe('4');
  });

  it('agrees with the textbook ISO 7064 MOD 11-2 computation for any 17 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
        expect(gb11643CheckChar(body)).toBe(mod11_2CheckChar(body));
      }),
    );
  });

  it('has no check character for a body that is not 17 digits', () => {
    expect(gb11643CheckChar('1101051949123100')).toBeUndefined();
    expect(gb11643CheckChar('1101051949123100A')).toBeUndefined();
  });
});

describe('Resident Identity Card numbers', () => {
  it.each([
    ['the standard example ending in X', '11010519491231002X', undefined],
    ['a lower-case x check character', '11010519491231002x', undefined],
    ['a born-today holder', withCheck('31011520261127123'), undefined],
    ['17 characters', '11010519491231002', 'invalid_format'],
    ['a letter in the body', '1101051949123100AX', 'invalid_format'],
    ['an unknown province 99', withCheck('99010519491231002'), 'invalid_region'],
    ['a province prefix without prefecture or county', withCheck('11000019491231002'), 'invalid_region'],
    ['30 February as birth date', withCheck('11010519490230002'), 'invalid_birth_date'],
    ['a birth date before 1900', withCheck('11010518991231002'), 'invalid_birth_date'],
    ['a birth date tomorrow', withCheck('11010520261128002'), 'date_in_future'],
    ['a wrong check character', withWrongCheck('11010519491231002'), 'invalid_check_digit'],
  ])('%s -> %s', (_, number, problem) => {
    expect(checkResidentIdNumber(number, ctx)).toBe(problem);
  });
});

describe('passports', () => {
  it.each([
    ['E12345678', undefined],
    ['ab12345', undefined],
    ['1234', 'invalid_format'],
    ['E1234-5678', 'invalid_format'],
    ['A'.repeat(18), 'invalid_format'],
  ])('number %s -> %s', (number, problem) => {
    expect(checkPassportNumber(number)).toBe(problem);
  });

  it.each([
    ['GBR', undefined],
    ['CHN', undefined],
    ['gbr', 'invalid_format'],
    ['GB', 'invalid_format'],
    ['XYZ', 'invalid_country'],
  ])('nationality %s -> %s', (code, problem) => {
    expect(checkNationality(code)).toBe(problem);
  });
});

describe('Mainland Travel Permits', () => {
  it.each([
    ['H12345678', undefined],
    ['M87654321', undefined],
    ['H1234567801', undefined],
    ['h12345678', undefined],
    ['H1234567', 'invalid_format'],
    ['H123456780', 'invalid_format'],
    ['K12345678', 'invalid_format'],
  ])('Hong Kong and Macao %s -> %s', (number, problem) => {
    expect(checkHkMacauPermitNumber(number)).toBe(problem);
  });

  it.each([
    ['12345678', undefined],
    ['1234567', 'invalid_format'],
    ['1234567890', 'invalid_format'],
    ['T1234567', 'invalid_format'],
  ])('Taiwan %s -> %s', (number, problem) => {
    expect(checkTaiwanPermitNumber(number)).toBe(problem);
  });
});

describe('Foreign Permanent Resident ID Card numbers', () => {
  it.each([
    ['a 2017 card', 'USA310085012345', undefined],
    ['a 2017 card with an unassigned nationality', 'XYZ310085012345', 'invalid_country'],
    ['a 2017 card with 11 digits', 'USA31008501234', 'invalid_format'],
    ['a 2023 card', withCheck('91182619850315001'), undefined],
    ['a 2023 card with a wrong check character', withWrongCheck('91182619850315001'), 'invalid_check_digit'],
    ['a 2023 card with an impossible birth date', withCheck('91182619851315001'), 'invalid_birth_date'],
    ['a 2023-shaped number not starting with 9', withCheck('81182619850315001'), 'invalid_format'],
  ])('%s -> %s', (_, number, problem) => {
    expect(checkForeignPermanentResidentIdNumber(number, ctx)).toBe(problem);
  });
});
