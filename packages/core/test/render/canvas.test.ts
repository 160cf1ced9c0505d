import { afterAll, describe, expect, it } from 'vitest';
import { createRenderModel, drawOnCanvas, type RenderModel } from '@healthcode/core';
import { statusStyle } from '@healthcode/core/render';
import { FakeCanvas2D, FakeLegacyCanvas, type CanvasOp } from './fake-canvas.js';
import { CHINESE_TEXT, cleanupTemp, darkBounds, decodeBoth, quietZoneDefects, sampleCodeText, type Rgba } from './support.js';

afterAll(cleanupTemp);

const NOW = new Date('2026-11-27T06:30:15.250Z');
const WIDTH = 360;
const HEIGHT = 540;

function model(text: string, status: 'green' | 'yellow' | 'red' = 'green'): RenderModel {
  return createRenderModel(
    text,
    { name: '张*三', documentTail: '1234', regionName: '深圳市', status, expiresAt: new Date(NOW.getTime() + 300_000), refreshAfter: new Date(NOW.getTime() + 240_000) },
    { now: NOW, utcOffsetMinutes: 480 },
  );
}

function drawModern(m: RenderModel, pixelRatio: number, now = NOW): FakeCanvas2D {
  const ctx = new FakeCanvas2D(Math.round(WIDTH * pixelRatio), Math.round(HEIGHT * pixelRatio));
  ctx.scale(pixelRatio, pixelRatio);
  drawOnCanvas(ctx, m, { width: WIDTH, height: HEIGHT, pixelRatio, now });
  return ctx;
}

/** The QR area: below the status band, where only modules are dark on a fake canvas (no text raster). */
function codeBounds(img: Rgba): { x: number; y: number; w: number; h: number } {
  const top = Math.round(img.width * 0.2);
  return darkBounds(img, { x: 0, y: top, w: img.width, h: img.height - top });
}

const isWhole = (v: number): boolean => Math.abs(v - Math.round(v)) < 1e-6;
const blackRects = (ops: CanvasOp[]) => ops.filter((o): o is Extract<CanvasOp, { op: 'fillRect' }> => o.op === 'fillRect' && o.colour === '#000000');

describe('drawOnCanvas', () => {
  const codeText = sampleCodeText();

  for (const pixelRatio of [1, 2, 3, 2.75]) {
    it(`draws whole-device-pixel modules that decode, with a clean quiet zone, at pixel ratio ${pixelRatio}`, () => {
      const m = model(codeText);
      const ctx = drawModern(m, pixelRatio);
      const rects = blackRects(ctx.ops);
      expect(rects.length).toBeGreaterThan(0);
      for (const r of rects) expect([r.x0, r.y0, r.x1, r.y1].every(isWhole)).toBe(true);

      const box = codeBounds(ctx.image);
      const modulePx = box.w / m.matrix.size;
      expect(Number.isInteger(modulePx)).toBe(true);
      expect(box.h).toBe(box.w);
      expect(quietZoneDefects(ctx.image, box, 4 * modulePx)).toBe(0);
      expect(decodeBoth(ctx.image)).toEqual({ jsqr: codeText, zbar: codeText });
    });
  }

  it('draws through the legacy createCanvasContext API only when draw() flushes it', () => {
    const m = model(CHINESE_TEXT, 'red');
    const ctx = new FakeLegacyCanvas(WIDTH, HEIGHT, 2.75);
    drawOnCanvas(ctx, m, { width: WIDTH, height: HEIGHT, pixelRatio: 2.75, now: NOW });
    expect(ctx.drawCalls).toBe(1);
    for (const r of blackRects(ctx.ops)) expect([r.x0, r.y0, r.x1, r.y1].every(isWhole)).toBe(true);
    expect(decodeBoth(ctx.image)).toEqual({ jsqr: CHINESE_TEXT, zbar: CHINESE_TEXT });
  });

  it('ticks the clock and turns the liveness ring as time passes', () => {
    const m = model(codeText);
    const texts = (ctx: FakeCanvas2D) => ctx.ops.filter((o) => o.op === 'fillText').map((o) => (o as { text: string }).text);
    const arcs = (ctx: FakeCanvas2D) => ctx.ops.filter((o) => o.op === 'arc');
    const first = drawModern(m, 2, NOW);
    const later = drawModern(m, 2, new Date(NOW.getTime() + 1000));
    expect(texts(first)).toContain('14:30:15');
    expect(texts(later)).toContain('14:30:16');
    expect(arcs(later)).not.toEqual(arcs(first));
    expect(texts(first)).toContain('240 秒后刷新 · Refresh in 240 s');
  });

  it('falls back to rectangles for the ring when the context has no arc()', () => {
    const ctx = new FakeCanvas2D(WIDTH, HEIGHT);
    const bare = Object.assign(ctx, { arc: undefined });
    drawOnCanvas(bare, model(codeText), { width: WIDTH, height: HEIGHT, pixelRatio: 1, now: NOW });
    expect(ctx.ops.some((o) => o.op === 'arc')).toBe(false);
    const v = Number.parseInt(statusStyle('green').accent.slice(1), 16);
    const accent = `rgba(${v >> 16},${(v >> 8) & 255},${v & 255},`;
    expect(ctx.ops.filter((o) => o.op === 'fillRect' && o.colour.startsWith(accent)).length).toBe(12);
  });

  it('shows the expired banner once the code has lapsed', () => {
    const ctx = drawModern(model(codeText), 1, new Date(NOW.getTime() + 301_000));
    expect(ctx.ops.some((o) => o.op === 'fillText' && o.text.includes('Code expired'))).toBe(true);
  });

  it('rejects an area too small for one device pixel per module', () => {
    const ctx = new FakeCanvas2D(40, 60);
    expect(() => drawOnCanvas(ctx, model(codeText), { width: 40, height: 60, pixelRatio: 1 })).toThrow(
      expect.objectContaining({ name: 'RenderError', code: 'render/too_small' }),
    );
  });
});
