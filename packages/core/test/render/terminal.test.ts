import { afterAll, describe, expect, it } from 'vitest';
import { encodeQr } from '@healthcode/core/render';
import { renderTerminal } from '@healthcode/core';
import { bitmapToRgba, cleanupTemp, decodeBoth, sampleCodeText, SAMPLE_TEXTS } from './support.js';

afterAll(cleanupTemp);

const ANSI = /\x1b\[[0-9;]*m/g;
const HALVES: Record<string, [number, number]> = { ' ': [0, 0], '▀': [1, 0], '▄': [0, 1], '█': [1, 1] };

/** Reads half-block text back into rows of 0/1 ink cells. */
function parseHalfBlocks(text: string): number[][] {
  const rows: number[][] = [];
  for (const line of text.replace(ANSI, '').split('\n').filter((l) => l.length > 0)) {
    const top: number[] = [];
    const bottom: number[] = [];
    for (const ch of line) {
      const cell = HALVES[ch];
      if (!cell) throw new Error(`unexpected character ${JSON.stringify(ch)}`);
      top.push(cell[0]);
      bottom.push(cell[1]);
    }
    rows.push(top, bottom);
  }
  return rows;
}

describe('renderTerminal', () => {
  const codeText = sampleCodeText();

  for (const [name, text] of SAMPLE_TEXTS) {
    it(`prints ${name} in half blocks that decode back to the text`, () => {
      const cells = parseHalfBlocks(renderTerminal(text));
      expect(decodeBoth(bitmapToRgba(cells, 4))).toEqual({ jsqr: text, zbar: text });
    });
  }

  it('surrounds the code with four light modules on every side', () => {
    const size = encodeQr(codeText).size;
    const cells = parseHalfBlocks(renderTerminal(codeText, { ansi: false }));
    const n = size + 8;
    expect(cells[0]).toHaveLength(n);
    const ink = (x: number, y: number) => cells[y]?.[x] ?? 0;
    for (let y = 0; y < cells.length; y++) {
      for (let x = 0; x < n; x++) {
        const inQuietZone = x < 4 || y < 4 || x >= n - 4 || y >= n - 4;
        if (inQuietZone) expect(ink(x, y), `cell ${x},${y}`).toBe(0);
      }
    }
    // The finder patterns start right inside the quiet zone.
    expect([ink(4, 4), ink(n - 5, 4), ink(4, n - 5)]).toEqual([1, 1, 1]);
  });

  it('pins black-on-white colours on every line so dark themes cannot invert the code', () => {
    const lines = renderTerminal(codeText).split('\n').filter(Boolean);
    for (const line of lines) {
      expect(line.startsWith('\x1b[38;5;16;48;5;231m')).toBe(true);
      expect(line.endsWith('\x1b[0m')).toBe(true);
    }
  });

  it('prints plain text without escape codes when asked', () => {
    expect(renderTerminal(codeText, { ansi: false })).not.toMatch(ANSI);
  });

  it('inks the light modules instead in plain inverted mode, for light-on-dark terminals', () => {
    const plain = parseHalfBlocks(renderTerminal(codeText, { ansi: false }));
    const inverted = parseHalfBlocks(renderTerminal(codeText, { ansi: false, invert: true }));
    expect(inverted).toEqual(plain.map((row) => row.map((c) => 1 - c)));
  });
});
