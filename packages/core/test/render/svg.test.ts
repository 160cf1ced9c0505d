import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createRenderModel, renderQrSvg, renderSvg, type HealthStatus, type RenderModel } from '@healthcode/core';
import { encodeQr } from '@healthcode/core/render';
import { CHINESE_TEXT, cleanupTemp, darkBounds, decodeJsQr, decodePng, decodeZbarPng, quietZoneDefects, SAMPLE_TEXTS, sampleCodeText, type Rgba } from './support.js';

// Chromium is the independent rasteriser: the SVG is drawn by a real browser engine,
// then decoded by jsQR and zbarimg.
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
});

afterAll(async () => {
  await browser?.close();
  cleanupTemp();
});

/** Screenshots an SVG, optionally after seeking its SMIL timeline to `seconds`. */
async function rasterise(svg: string, opts: { scale?: number; seconds?: number } = {}): Promise<{ png: Uint8Array; img: Rgba }> {
  const page = await browser.newPage({ deviceScaleFactor: opts.scale ?? 1 });
  try {
    await page.setContent(`<!doctype html><body style="margin:0;background:#fff">${svg}</body>`);
    if (opts.seconds !== undefined) {
      await page.evaluate((t) => {
        const root = document.querySelector('svg') as SVGSVGElement;
        root.pauseAnimations();
        root.setCurrentTime(t);
      }, opts.seconds);
    }
    const png = new Uint8Array(await page.locator('svg').first().screenshot({ animations: 'allow' }));
    return { png, img: decodePng(png) };
  } finally {
    await page.close();
  }
}

const NOW = new Date('2026-11-27T06:30:15.250Z');

function card(text: string, status: HealthStatus = 'green', name = '张*三'): RenderModel {
  return createRenderModel(
    text,
    { name, documentTail: '1234', regionName: '深圳市', status, expiresAt: new Date(NOW.getTime() + 3_600_000) },
    { now: NOW, utcOffsetMinutes: 480 },
  );
}

function differingPixels(a: Rgba, b: Rgba): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 96) n++;
  }
  return n;
}

describe('renderQrSvg in Chromium', () => {
  const codeText = sampleCodeText();

  for (const [name, text] of SAMPLE_TEXTS) {
    it(`draws ${name} that jsQR and zbarimg decode, with a 4-module quiet zone`, async () => {
      const scale = 3;
      const { png, img } = await rasterise(renderQrSvg(text, { scale }));
      const modules = encodeQr(text).size + 8;
      expect(img.width).toBe(modules * scale);
      const box = darkBounds(img);
      expect(box.x).toBe(4 * scale);
      expect(box.y).toBe(4 * scale);
      expect(quietZoneDefects(img, box, 4 * scale)).toBe(0);
      expect(decodeJsQr(img)).toBe(text);
      expect(decodeZbarPng(png)).toBe(text);
    });
  }

  it('draws all modules as one path of merged runs with crisp edges', () => {
    const svg = renderQrSvg(codeText);
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toContain('shape-rendering="crispEdges"');
    const { size, modules } = encodeQr(codeText);
    let runs = 0;
    let dark = 0;
    modules.forEach((m, i) => {
      dark += m;
      if (m && (i % size === 0 || !modules[i - 1])) runs++;
    });
    expect((svg.match(/M/g) ?? []).length).toBe(runs);
    expect(runs).toBeLessThan(dark);
  });
});

describe('renderSvg card in Chromium', () => {
  const codeText = sampleCodeText();

  for (const scale of [1, 2]) {
    it(`decodes from the card at device scale ${scale}`, async () => {
      const { png, img } = await rasterise(renderSvg(card(codeText, 'red'), { now: NOW }), { scale });
      expect(decodeJsQr(img)).toBe(codeText);
      expect(decodeZbarPng(png)).toBe(codeText);
    });
  }

  it('decodes Chinese text from a yellow card', async () => {
    const { png, img } = await rasterise(renderSvg(card(CHINESE_TEXT, 'yellow'), { now: NOW, size: 300 }));
    expect(decodeJsQr(img)).toBe(CHINESE_TEXT);
    expect(decodeZbarPng(png)).toBe(CHINESE_TEXT);
  });

  it('keeps ticking on its own: five seconds into its animation it matches a still card drawn five seconds later', async () => {
    const model = card(codeText);
    const animated = renderSvg(model, { now: NOW });
    const at0 = await rasterise(animated, { seconds: 0 });
    const at5 = await rasterise(animated, { seconds: 5 });
    const still5 = await rasterise(renderSvg(model, { now: new Date(NOW.getTime() + 5000), animate: false }));
    const stillNow = await rasterise(renderSvg(model, { now: NOW, animate: false }));
    expect(differingPixels(at0.img, at5.img)).toBeGreaterThan(50);
    expect(differingPixels(at5.img, still5.img)).toBeLessThan(20);
    expect(differingPixels(at0.img, stillNow.img)).toBeLessThan(20);
  });

  it('gives each status its own icon shape and bilingual label, not only a colour', () => {
    const cards = (['green', 'yellow', 'red'] as const).map((s) => renderSvg(card(codeText, s), { now: NOW }));
    const icons = cards.map((svg) => /<path fill="[^"]+" shape-rendering="crispEdges" transform="[^"]+" d="([^"]+)"/.exec(svg)?.[1]);
    expect(new Set(icons).size).toBe(3);
    expect(cards[0]).toContain('绿码 Green code');
    expect(cards[1]).toContain('黄码 Yellow code');
    expect(cards[2]).toContain('红码 Red code');
  });

  it('escapes display text instead of injecting markup', () => {
    const svg = renderSvg(card(codeText, 'green', '<script>alert(1)</script>&'), { now: NOW });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
  });
});
