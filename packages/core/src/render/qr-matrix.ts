import qrcode from 'qrcode-generator';
import { RenderError } from './render-error.js';
import { utf8Encode } from '../code/jws/utf8.js';

/** Light modules required around a QR code on every side (ISO/IEC 18004). */
export const QUIET_ZONE_MODULES = 4;

/** Modules per side of a code of `size` modules including both quiet zones. */
export function withQuietZone(size: number): number {
  return size + 2 * QUIET_ZONE_MODULES;
}

/** How the text was split into QR segments. */
export type QrSegmentMode = 'Numeric' | 'Alphanumeric' | 'Byte';

/** The module grid of one QR code, without its quiet zone. */
export interface QrMatrix {
  /** Modules per side (21 for version 1, 177 for version 40). */
  readonly size: number;
  /** QR version, 1 to 40. */
  readonly version: number;
  /** Segment modes used, in order. */
  readonly segments: readonly QrSegmentMode[];
  /** Row-major, `1` for a dark module. */
  readonly modules: Uint8Array;
}

/** A horizontal run of dark cells: `length` cells from column `x` in row `y`. */
export interface Run {
  x: number;
  y: number;
  length: number;
}

// QR alphanumeric charset: digits, upper-case letters and ` $%*+-./:`.
const ALNUM_PREFIX_THEN_DIGITS = /^([0-9A-Z $%*+\-./:]*[A-Z $%*+\-./:])?([0-9]+)$/;
const ALNUM_ONLY = /^[0-9A-Z $%*+\-./:]+$/;

/**
 * The UTF-8 bytes of `text`, one char per byte: qrcode-generator's Byte mode keeps the
 * low 8 bits of each UTF-16 unit, so this makes it encode UTF-8.
 */
function utf8AsLatin1(text: string): string {
  let out = '';
  for (const byte of utf8Encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** Splits QR text into the most compact of the segment plans this renderer supports. */
function planSegments(text: string): Array<{ mode: QrSegmentMode; data: string }> {
  const split = ALNUM_PREFIX_THEN_DIGITS.exec(text);
  if (split) {
    const [, prefix, digits = ''] = split;
    return prefix
      ? [
          { mode: 'Alphanumeric', data: prefix },
          { mode: 'Numeric', data: digits },
        ]
      : [{ mode: 'Numeric', data: digits }];
  }
  if (ALNUM_ONLY.test(text)) return [{ mode: 'Alphanumeric', data: text }];
  return [{ mode: 'Byte', data: utf8AsLatin1(text) }];
}

/**
 * Encodes text as a QR code at error correction level M, smallest version that fits.
 * "HCODE2:" followed by digits becomes an Alphanumeric plus a Numeric segment (about 3.3
 * bits a digit instead of 8); other text is UTF-8 in Byte mode.
 *
 * @throws RenderError `invalid_input` for an empty text, `too_long` when it does not fit
 */
export function encodeQr(text: string): QrMatrix {
  if (typeof text !== 'string' || text.length === 0) {
    throw new RenderError('render/invalid_input', 'QR text must be a non-empty string');
  }
  const segments = planSegments(text);
  const qr = qrcode(0, 'M');
  for (const s of segments) qr.addData(s.data, s.mode);
  try {
    qr.make();
  } catch (cause) {
    // The library throws a bare string ("code length overflow") when nothing fits.
    throw new RenderError('render/too_long', `QR text of ${text.length} characters does not fit in a QR code`, { cause });
  }
  const size = qr.getModuleCount();
  const modules = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (qr.isDark(y, x)) modules[y * size + x] = 1;
  }
  return { size, version: (size - 17) / 4, segments: segments.map((s) => s.mode), modules };
}

/** Horizontal runs of set cells in a row-major bitmap of `width` columns. */
export function darkRuns(cells: ArrayLike<number>, width: number): Run[] {
  const runs: Run[] = [];
  const height = cells.length / width;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (!cells[row + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && cells[row + x]) x++;
      runs.push({ x: start, y, length: x - start });
    }
  }
  return runs;
}
