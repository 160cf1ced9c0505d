// Shared test support: sample texts, independent decoders (jsQR, zbarimg via pngjs
// files) and bitmap checks. Nothing here uses the renderers' own code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** An RGBA image. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** A realistic health code text: `HCODE2:` then 480 digits from a seeded generator. */
export function sampleCodeText(seed = 20201): string {
  let x = seed;
  let digits = '';
  for (let i = 0; i < 480; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    digits += String(x % 10);
  }
  return `HCODE2:${digits}`;
}

/** Non-ASCII text that must go through Byte mode as UTF-8. */
export const CHINESE_TEXT = '健康码：张*三，深圳市，绿码 valid 2026-11-27';

/** The texts every renderer must round-trip, with a name for test titles. */
export const SAMPLE_TEXTS: ReadonlyArray<readonly [name: string, text: string]> = [
  ['a HealthCode code', sampleCodeText()],
  ['Chinese text', CHINESE_TEXT],
];

/** Decodes with jsQR (tries the inverted image too); undefined when nothing is found. */
export function decodeJsQr(img: Rgba): string | undefined {
  const data = new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  return jsQR(data, img.width, img.height, { inversionAttempts: 'attemptBoth' })?.data;
}

let dir: string | undefined;
function tempDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), 'hc-render-'));
  return dir;
}

/** Removes the temp files written for zbarimg. */
export function cleanupTemp(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}

let fileCount = 0;
/** Decodes a PNG file's bytes with Debian's zbarimg. */
export function decodeZbarPng(png: Uint8Array): string {
  const file = join(tempDir(), `code-${fileCount++}.png`);
  writeFileSync(file, png);
  const out = execFileSync('/usr/bin/zbarimg', ['--raw', '-q', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.replace(/\n$/, '');
}

/** Encodes RGBA as PNG with pngjs, for zbarimg. */
export function encodePng(img: Rgba): Uint8Array {
  const png = new PNG({ width: img.width, height: img.height });
  png.data = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  return PNG.sync.write(png);
}

/** Decodes PNG bytes with pngjs (an independent PNG decoder). */
export function decodePng(bytes: Uint8Array): Rgba {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: png.data };
}

/** Decodes with both jsQR and zbarimg and returns both answers. */
export function decodeBoth(img: Rgba): { jsqr: string | undefined; zbar: string } {
  return { jsqr: decodeJsQr(img), zbar: decodeZbarPng(encodePng(img)) };
}

/** Luma-thresholded darkness of one pixel. */
export function isDarkPixel(img: Rgba, x: number, y: number): boolean {
  const i = (y * img.width + x) * 4;
  const luma = 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!;
  return luma < 128;
}

/** Bounding box of dark pixels inside `within` (default the whole image). */
export function darkBounds(img: Rgba, within = { x: 0, y: 0, w: img.width, h: img.height }): { x: number; y: number; w: number; h: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = within.y; y < within.y + within.h; y++) {
    for (let x = within.x; x < within.x + within.w; x++) {
      if (!isDarkPixel(img, x, y)) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/**
 * Pixels that are not light in the band `quiet` pixels wide around `box` (the code's
 * dark modules); zero means a clean quiet zone. Also fails if the band leaves the image.
 */
export function quietZoneDefects(img: Rgba, box: { x: number; y: number; w: number; h: number }, quiet: number): number {
  if (box.x - quiet < 0 || box.y - quiet < 0 || box.x + box.w + quiet > img.width || box.y + box.h + quiet > img.height) {
    return Number.POSITIVE_INFINITY;
  }
  let defects = 0;
  for (let y = box.y - quiet; y < box.y + box.h + quiet; y++) {
    for (let x = box.x - quiet; x < box.x + box.w + quiet; x++) {
      const inside = x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;
      if (!inside && isDarkPixel(img, x, y)) defects++;
    }
  }
  return defects;
}

/** Blows a 0/1 bitmap up into an RGBA image, `scale` pixels a cell, black on white. */
export function bitmapToRgba(cells: number[][], scale: number): Rgba {
  const h = cells.length;
  const w = cells[0]?.length ?? 0;
  const data = new Uint8Array(w * scale * h * scale * 4).fill(255);
  for (let y = 0; y < h * scale; y++) {
    for (let x = 0; x < w * scale; x++) {
      if (!cells[Math.floor(y / scale)]![Math.floor(x / scale)]) continue;
      data.fill(0, (y * w * scale + x) * 4, (y * w * scale + x) * 4 + 3);
    }
  }
  return { width: w * scale, height: h * scale, data };
}
