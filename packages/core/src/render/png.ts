import { zlibSync } from 'fflate';
import { encodeQr, QUIET_ZONE_MODULES, withQuietZone, type QrMatrix } from './qr-matrix.js';
import type { RenderModel } from './render-model.js';
import { RenderError } from './render-error.js';

/** Options of {@link renderPng}. */
export interface PngOptions {
  /** Pixels per module, a whole number from 1 to 64. Default 8. */
  scale?: number;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Unfiltered 1-bit scanlines (0 = black) of the code with its quiet zone. */
function scanlines(matrix: QrMatrix, scale: number): { width: number; raw: Uint8Array } {
  const width = withQuietZone(matrix.size) * scale;
  const stride = 1 + Math.ceil(width / 8);
  const raw = new Uint8Array(stride * width);
  const row = new Uint8Array(stride); // filter byte 0 (None), then bits
  const q = QUIET_ZONE_MODULES;
  for (let my = -q; my < matrix.size + q; my++) {
    row.fill(0xff, 1);
    if (my >= 0 && my < matrix.size) {
      for (let mx = 0; mx < matrix.size; mx++) {
        if (!matrix.modules[my * matrix.size + mx]) continue;
        for (let px = (mx + q) * scale, end = px + scale; px < end; px++) row[1 + (px >> 3)]! &= ~(0x80 >> (px & 7));
      }
    }
    row[0] = 0;
    for (let i = 0; i < scale; i++) raw.set(row, ((my + q) * scale + i) * stride);
  }
  return { width, raw };
}

/**
 * The QR code (with its 4-module quiet zone) as PNG bytes: 1-bit grayscale, black on
 * white, `scale` pixels per module. Pure JS; works in Node, browsers and mini-programs.
 *
 * @throws RenderError `invalid_input` for a bad scale or text, `too_long`
 */
export function renderPng(modelOrText: RenderModel | string, opts: PngOptions = {}): Uint8Array {
  const scale = opts.scale ?? 8;
  if (!Number.isInteger(scale) || scale < 1 || scale > 64) {
    throw new RenderError('render/invalid_input', `scale must be a whole number from 1 to 64, got ${scale}`);
  }
  const matrix = typeof modelOrText === 'string' ? encodeQr(modelOrText) : modelOrText.matrix;
  const { width, raw } = scanlines(matrix, scale);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, width);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, adaptive filters, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    // Level 9 is ten times slower here for a larger result: the repeated rows suit level 6.
    chunk('IDAT', zlibSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    png.set(p, at);
    at += p.length;
  }
  return png;
}


