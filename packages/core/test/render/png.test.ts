import { afterAll, describe, expect, it } from 'vitest';
import { createRenderModel, renderPng } from '@healthcode/core';
import { encodeQr } from '@healthcode/core/render';
import { cleanupTemp, darkBounds, decodeJsQr, decodePng, decodeZbarPng, quietZoneDefects, sampleCodeText, SAMPLE_TEXTS } from './support.js';

afterAll(cleanupTemp);

describe('renderPng', () => {
  const codeText = sampleCodeText();

  for (const [name, text] of SAMPLE_TEXTS) {
    for (const scale of [2, 3, 8]) {
      it(`encodes ${name} at scale ${scale} as a PNG that pngjs reads and jsQR and zbarimg decode`, () => {
        const png = renderPng(text, { scale });
        const img = decodePng(png);
        const modules = encodeQr(text).size + 8;
        expect(img.width).toBe(modules * scale);
        expect(img.height).toBe(modules * scale);
        expect(decodeJsQr(img)).toBe(text);
        expect(decodeZbarPng(png)).toBe(text);
      });
    }
  }

  it('draws one pixel per module at scale 1', () => {
    const img = decodePng(renderPng(codeText, { scale: 1 }));
    const { size, modules } = encodeQr(codeText);
    const dark = (x: number, y: number) => img.data[(y * img.width + x) * 4]! < 128;
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) expect(dark(x + 4, y + 4)).toBe(modules[y * size + x] === 1);
  });

  it('leaves exactly four modules of light on every side', () => {
    const scale = 5;
    const img = decodePng(renderPng(codeText, { scale }));
    const box = darkBounds(img);
    expect(box).toEqual({ x: 4 * scale, y: 4 * scale, w: img.width - 8 * scale, h: img.height - 8 * scale });
    expect(quietZoneDefects(img, box, 4 * scale)).toBe(0);
  });

  it('draws a render model exactly like its QR text', () => {
    const model = createRenderModel(codeText, { name: '李*', status: 'red' });
    expect(renderPng(model, { scale: 2 })).toEqual(renderPng(codeText, { scale: 2 }));
  });

  it.each([0, 1.5, 65, Number.NaN])('rejects scale %s', (scale) => {
    expect(() => renderPng(codeText, { scale })).toThrow(expect.objectContaining({ code: 'render/invalid_input' }));
  });
});
