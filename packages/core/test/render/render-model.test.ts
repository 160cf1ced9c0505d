import { describe, expect, it } from 'vitest';
import { clockParts, livenessAngle, statusStyle } from '@healthcode/core/render';
import { createRenderModel, HEALTH_STATUSES, renderSvg } from '@healthcode/core';
import { sampleCodeText } from './support.js';

const NOW = new Date('2026-11-27T06:30:15.250Z');
const text = sampleCodeText();

describe('createRenderModel', () => {
  it('carries the status style, masked identity, region and times', () => {
    const m = createRenderModel(
      text,
      { name: '张*三', documentTail: '1234', regionName: '深圳市', status: 'yellow', expiresAt: new Date(NOW.getTime() + 300_000), refreshAfter: new Date(NOW.getTime() + 239_500) },
      { now: NOW, utcOffsetMinutes: 480 },
    );
    expect(m.style).toEqual(statusStyle('yellow'));
    expect([m.name, m.documentTail, m.regionName]).toEqual(['张*三', '1234', '深圳市']);
    expect(m.clock).toBe('14:30:15');
    expect(m.secondsUntilRefresh).toBe(240);
    expect(m.matrix.size).toBeGreaterThan(21);
  });

  it('counts down to expiry when no refresh time is given', () => {
    const m = createRenderModel(text, { name: 'A*', status: 'green', expiresAt: new Date(NOW.getTime() + 61_000) }, { now: NOW });
    expect(m.secondsUntilRefresh).toBe(61);
  });

  it('gives every status a distinct colour, icon and label in both languages', () => {
    const styles = HEALTH_STATUSES.map(statusStyle);
    for (const key of ['color', 'icon'] as const) expect(new Set(styles.map((s) => s[key])).size).toBe(3);
    for (const locale of ['zh-CN', 'en'] as const) expect(new Set(styles.map((s) => s.label[locale])).size).toBe(3);
  });

  it('strips control characters from display text', () => {
    const m = createRenderModel(text, { name: 'Li\u001b[31m*\u0007', status: 'green' }, { now: NOW });
    expect(m.name).toBe('Li[31m*');
  });

  it('rejects an unknown status and invalid dates', () => {
    expect(() => createRenderModel(text, { name: 'x', status: 'blue' as 'green' })).toThrow(expect.objectContaining({ code: 'render/invalid_input' }));
    expect(() => createRenderModel(text, { name: 'x', status: 'red', expiresAt: new Date(Number.NaN) })).toThrow(
      expect.objectContaining({ code: 'render/invalid_input' }),
    );
  });

  it('shows a banner for stale, expired and screenshotted codes', () => {
    const display = { name: 'x', status: 'green' as const, expiresAt: new Date(NOW.getTime() + 60_000) };
    const banner = (opts: Parameters<typeof createRenderModel>[2], now = NOW) =>
      /Offline|expired|Screenshots/.exec(renderSvg(createRenderModel(text, display, opts), { now }))?.[0];
    expect(banner({ now: NOW })).toBeUndefined();
    expect(banner({ now: NOW, freshness: 'stale' })).toBe('Offline');
    expect(banner({ now: NOW, screenshotWarning: true })).toBe('Screenshots');
    expect(banner({ now: NOW, freshness: 'stale' }, new Date(NOW.getTime() + 60_000))).toBe('expired');
  });
});

describe('liveness values', () => {
  it('formats the clock at the display offset', () => {
    expect(clockParts(NOW, 0).text).toBe('06:30:15');
    expect(clockParts(NOW, 480).text).toBe('14:30:15');
    expect(clockParts(NOW, -600).text).toBe('20:30:15');
  });

  it('turns the ring a full circle every period and differently every second', () => {
    const angles = [0, 1000, 2000].map((ms) => livenessAngle(new Date(NOW.getTime() + ms)));
    expect(new Set(angles).size).toBe(3);
    expect(livenessAngle(new Date(NOW.getTime() + 12_000))).toBeCloseTo(angles[0]!, 6);
  });
});
