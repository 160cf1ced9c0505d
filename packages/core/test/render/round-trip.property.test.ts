import fc from 'fast-check';
import { describe, it } from 'vitest';
import { encodeQr } from '@healthcode/core/render';
import { renderPng } from '@healthcode/core';
import { decodeJsQr, decodePng } from './support.js';

// Any text the segment planner sees, in any mode, must come back unchanged.
const texts = fc.oneof(
  fc.stringMatching(/^[A-Z0-9 $%*+\-./:]{0,12}[A-Z:][0-9]{1,600}$/),
  fc.stringMatching(/^[0-9]{1,300}$/),
  fc.stringMatching(/^[A-Z0-9 $%*+\-./:]{1,200}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
);

describe('QR round trip', () => {
  it('decodes every rendered text back to itself (jsQR on the PNG)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const png = renderPng(text, { scale: 3 });
        const decoded = decodeJsQr(decodePng(png));
        if (decoded !== text) throw new Error(`decoded ${JSON.stringify(decoded)} (segments ${encodeQr(text).segments.join('+')})`);
      }),
      { numRuns: 60 },
    );
  });
});
