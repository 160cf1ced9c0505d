import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsrsasignCryptoProvider, nobleCryptoProvider, nodeCryptoProvider, webCryptoProvider } from '@healthcode/core/code';
import { SubjectIdError, deriveSubjectId, documentTail, maskName } from '@healthcode/core/privacy';

const KEY = 'issuer-secret-key-0123456789';

/** The same derivation with node:crypto: an independent HMAC implementation. */
function oracle(canonical: string, key: string | Uint8Array): string {
  return createHmac('sha256', key).update(canonical, 'utf8').digest().subarray(0, 12).toString('base64url');
}

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张*丰'],
    ['欧阳娜娜', '欧**娜'],
    ['John Smith', 'J*** S****'],
    ['  John   Smith ', 'J*** S****'],
    ['Madonna', 'M*****a'],
    ['买买提·艾力', '买****力'],
    ['𠀋三', '𠀋*'],
    ['张', '*'],
    ['A B', '* *'],
    ['Maximilian Alexander Theodor von Hohenberg-Waldstein', 'M* A* T* v* H*'],
    ['', ''],
  ])('%j -> %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('hides all but at most two characters of any one-word name', () => {
    fc.assert(
      // Names that fit in a code keep their length; longer ones are shortened (next test).
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/\s/.test(s) && s.length <= 32), (name) => {
        const masked = Array.from(maskName(name));
        expect(masked.length).toBe(Array.from(name).length);
        expect(masked.filter((c) => c !== '*').length).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('always gives a name a health code can carry: at most 32 units, with a star', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== ''), (name) => {
        const masked = maskName(name);
        expect(masked.length).toBeLessThanOrEqual(32);
        expect(masked).toContain('*');
      }),
    );
  });
});

describe('documentTail', () => {
  it.each([
    ['11010519491231002x', '002X'],
    ['E 1234 5678', '5678'],
    ['H12345678', '5678'],
    ['123456', '456'],
    ['12', '2'],
    ['', ''],
  ])('%j -> %j', (number, tail) => {
    expect(documentTail(number)).toBe(tail);
  });
});

describe('deriveSubjectId', () => {
  it('gives the same id through every crypto provider, and node:crypto by default in Node', () => {
    const providers = [nodeCryptoProvider(), webCryptoProvider(), nobleCryptoProvider(), jsrsasignCryptoProvider()];
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 24 }), fc.uint8Array({ minLength: 16, maxLength: 80 }), (number, key) => {
        const identity = { type: 'passport', nationality: 'FR', number };
        const expected = oracle(`passport|FR|${number.replace(/[\s-]+/g, '').toUpperCase()}`, key);
        expect(providers.map((crypto) => [crypto.name, deriveSubjectId(identity, key, { crypto })])).toEqual(providers.map((p) => [p.name, expected]));
        expect(deriveSubjectId(identity, key)).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('is HMAC-SHA256 of the normalised identity, 12 bytes, base64url', () => {
    const id = deriveSubjectId({ type: 'resident_id_card', number: '11010519491231002X' }, KEY);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(id).toBe(oracle('resident_id_card|11010519491231002X', KEY));
  });

  it('agrees with node:crypto for any number and any byte key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.uint8Array({ minLength: 16, maxLength: 64 }), (number, key) => {
        const canonical = `passport|${number.replace(/[\s-]+/g, '').toUpperCase()}`;
        expect(deriveSubjectId({ type: 'passport', number }, key)).toBe(oracle(canonical, key));
      }),
    );
  });

  it('gives the same id however the number is written', () => {
    const a = deriveSubjectId({ type: 'resident_id_card', number: '11010519491231002x' }, KEY);
    expect(deriveSubjectId({ type: 'resident_id_card', number: ' 110105 19491231 002X' }, KEY)).toBe(a);
  });

  it('keeps a Home Return Permit holder\'s id across renewals', () => {
    const first = deriveSubjectId({ type: 'hk_macau_permit', number: 'H1234567800' }, KEY);
    expect(deriveSubjectId({ type: 'hk_macau_permit', number: 'H1234567801' }, KEY)).toBe(first);
    expect(deriveSubjectId({ type: 'hk_macau_permit', number: 'H12345678' }, KEY)).toBe(first);
  });

  it('tells apart document types, passport nationalities and keys', () => {
    const ids = new Set([
      deriveSubjectId({ type: 'passport', number: '12345678' }, KEY),
      deriveSubjectId({ type: 'taiwan_permit', number: '12345678' }, KEY),
      deriveSubjectId({ type: 'passport', nationality: 'GBR', number: '12345678' }, KEY),
      deriveSubjectId({ type: 'passport', nationality: 'USA', number: '12345678' }, KEY),
      deriveSubjectId({ type: 'passport', number: '12345678' }, `${KEY}!`),
    ]);
    expect(ids.size).toBe(5);
  });

  it('refuses a key shorter than 16 bytes, without echoing the number', () => {
    const number = '11010519491231002X';
    expect(() => deriveSubjectId({ type: 'resident_id_card', number }, 'short')).toThrow(SubjectIdError);
    expect(() => deriveSubjectId({ type: 'resident_id_card', number }, new Uint8Array(15))).toThrow(
      expect.objectContaining({ code: 'privacy/invalid_key', message: expect.not.stringContaining(number) }),
    );
  });
});
