import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderModel, drawOnCanvas, renderPng, verifyCode, type HealthStatus, type TrustList } from '@healthcode/core';
import { generateKeyPair, issueCode } from '@healthcode/core/code';
import { FakeCanvas2D } from './fake-canvas.js';
import { cleanupTemp, decodeBoth, decodeJsQr, decodePng, decodeZbarPng } from './support.js';

// End to end: a code issued by code/, drawn by render/, read back by independent decoders,
// must still verify.
const NOW = new Date('2026-11-27T06:30:00Z');
let trust: TrustList;
const codes = new Map<HealthStatus, string>();

beforeAll(async () => {
  const { privateJwk, publicJwk } = await generateKeyPair({ kid: 'sz-2026', alg: 'ES256' });
  trust = {
    sequence: 1,
    issuedAt: Math.floor(NOW.getTime() / 1000) - 60,
    issuers: [{ id: 'sz-hc', name: 'Shenzhen Health Code', regions: ['440300'], keys: [{ jwk: publicJwk }] }],
    revokedKeyIds: [],
    revokedCodeIds: [],
  };
  for (const status of ['green', 'red'] as const) {
    const qr = await issueCode(
      { issuer: 'sz-hc', subject: 'subject-0001', status, region: '440300', display: { name: '张*三', documentTail: '1234' }, issuedAt: NOW },
      { key: privateJwk },
    );
    codes.set(status, qr);
  }
});

afterAll(cleanupTemp);

describe('a rendered signed code', () => {
  it('is a HealthCode code of a realistic length', () => {
    const qr = codes.get('green')!;
    expect(qr.startsWith('HCODE2:')).toBe(true);
    expect(qr.length).toBeGreaterThan(300);
  });

  it('verifies after a PNG round trip through zbarimg and jsQR', async () => {
    const png = renderPng(codes.get('green')!, { scale: 4 });
    for (const decoded of [decodeZbarPng(png), decodeJsQr(decodePng(png))]) {
      const result = await verifyCode(decoded ?? '', { trust, now: new Date(NOW.getTime() + 10_000) });
      expect(result).toMatchObject({ valid: true, status: 'green', display: { name: '张*三', documentTail: '1234' } });
    }
  });

  it('verifies after being drawn on a 2.75x canvas', async () => {
    const qr = codes.get('red')!;
    const model = createRenderModel(qr, { name: '张*三', status: 'red' }, { now: NOW });
    const ctx = new FakeCanvas2D(Math.round(360 * 2.75), Math.round(540 * 2.75));
    ctx.scale(2.75, 2.75);
    drawOnCanvas(ctx, model, { width: 360, height: 540, pixelRatio: 2.75, now: NOW });
    const { jsqr, zbar } = decodeBoth(ctx.image);
    expect(jsqr).toBe(qr);
    expect(zbar).toBe(qr);
    expect(await verifyCode(zbar, { trust, now: NOW })).toMatchObject({ valid: true, status: 'red' });
  });
});
