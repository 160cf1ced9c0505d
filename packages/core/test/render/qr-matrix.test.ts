import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { encodeQr, QUIET_ZONE_MODULES } from '@healthcode/core/render';
import { CHINESE_TEXT, sampleCodeText } from './support.js';

describe('encodeQr', () => {
  it('packs HealthCode codes as an alphanumeric prefix and a numeric run', () => {
    const text = sampleCodeText();
    const m = encodeQr(text);
    expect(m.segments).toEqual(['Alphanumeric', 'Numeric']);
    // Byte mode, for comparison, needs a larger symbol for the same text.
    const bytes = qrcode(0, 'M');
    bytes.addData(text, 'Byte');
    bytes.make();
    expect(m.size).toBeLessThan(bytes.getModuleCount());
    expect(m.size).toBe(17 + 4 * m.version);
  });

  it('uses Numeric alone for digits and Alphanumeric alone for upper-case text', () => {
    expect(encodeQr('0123456789').segments).toEqual(['Numeric']);
    expect(encodeQr('HELLO WORLD').segments).toEqual(['Alphanumeric']);
  });

  it('falls back to Byte mode for lower-case and non-Latin text', () => {
    expect(encodeQr('codeText:123').segments).toEqual(['Byte']);
    expect(encodeQr(CHINESE_TEXT).segments).toEqual(['Byte']);
  });

  it('reports text too long for any QR version as too_long', () => {
    expect(() => encodeQr('x'.repeat(3000))).toThrow(expect.objectContaining({ name: 'RenderError', code: 'render/too_long' }));
  });

  it('rejects empty and non-string text as invalid_input', () => {
    expect(() => encodeQr('')).toThrow(expect.objectContaining({ code: 'render/invalid_input' }));
    expect(() => encodeQr(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'render/invalid_input' }));
  });

  it('states the ISO quiet zone', () => {
    expect(QUIET_ZONE_MODULES).toBe(4);
  });
});
