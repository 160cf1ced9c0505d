// Encode-and-render time per output format for a standard HealthCode code (HCODE2: + 480 digits),
// beside qrcode-generator's own make() + createSvgTag() on the same text in the same run.
// Target: renderQrSvg at most 1.2x the baseline's time. The code view rows show what a
// component pays each second (tick) and on a props change that keeps the QR text (e.g. a
// freshness update), which reuses the matrix, against a change of text, which encodes it.
import qrcode from 'qrcode-generator';
import { createCodeView, createRenderModel, drawOnCanvas, renderPng, renderQrSvg, renderSvg, renderTerminal, type Canvas2DLike } from '@healthcode/core';
import { benchRow, mergeResults } from './results.js';

let x = 20201;
let digits = '';
for (let i = 0; i < 480; i++) {
  x = (x * 1103515245 + 12345) % 2 ** 31;
  digits += String(x % 10);
}
const TEXT = `HCODE2:${digits}`;
const DISPLAY = { name: '张*三', documentTail: '1234', regionName: '深圳市', status: 'green' as const, expiresAt: new Date(Date.now() + 300_000) };

/** A context that accepts every call and draws nothing: measures our work, not a rasteriser's. */
const nullCtx: Canvas2DLike = {
  fillStyle: '',
  fillRect() {},
  clearRect() {},
  fillText() {},
  beginPath() {},
  arc() {},
  fill() {},
};

const view = createCodeView();
view.setCanvas({ context: nullCtx, width: 360, height: 540, pixelRatio: 2.75 });
const viewProps = { qrText: TEXT, name: '张*三', documentTail: '1234', regionName: '深圳市', status: 'green', expiresAt: DISPLAY.expiresAt };
const otherText = `HC1:${[...digits].reverse().join('')}`;
let flip = false;

let sink = 0;
const cases: Record<string, () => void> = {
  'render.baseline.qrcode-generator-svg': () => {
    const qr = qrcode(0, 'M');
    qr.addData('HCODE2:', 'Alphanumeric');
    qr.addData(digits, 'Numeric');
    qr.make();
    sink += qr.createSvgTag({ cellSize: 4, margin: 16 }).length;
  },
  'render.svg.qr': () => void (sink += renderQrSvg(TEXT).length),
  'render.svg.card': () => void (sink += renderSvg(createRenderModel(TEXT, DISPLAY)).length),
  'render.png': () => void (sink += renderPng(TEXT, { scale: 8 }).length),
  'render.terminal': () => void (sink += renderTerminal(TEXT).length),
  'render.canvas': () => drawOnCanvas(nullCtx, createRenderModel(TEXT, DISPLAY), { width: 360, height: 540, pixelRatio: 2.75 }),
  'render.codeView.tick': () => void (sink += view.tick().clock.length),
  'render.codeView.setProps.same-text': () => {
    flip = !flip;
    sink += view.setProps({ ...viewProps, freshness: flip ? 'stale' : 'fresh' }).clock.length;
  },
  'render.codeView.setProps.new-text': () => {
    flip = !flip;
    sink += view.setProps({ ...viewProps, qrText: flip ? otherText : TEXT }).clock.length;
  },
};

function opsPerSec(fn: () => void, ms: number): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    fn();
    n++;
    elapsed = performance.now() - start;
  }
  return (n * 1000) / elapsed;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const fn of Object.values(cases)) opsPerSec(fn, 300); // warm up the JIT
// Interleave rounds so drift in machine load hits every case alike.
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let round = 0; round < 7; round++) for (const [name, fn] of Object.entries(cases)) samples[name]!.push(opsPerSec(fn, 250));

const base = { name: 'render.baseline.qrcode-generator-svg', opsPerSec: median(samples['render.baseline.qrcode-generator-svg']!) };
const rows = Object.keys(cases).map((name) => {
  const ops = median(samples[name]!);
  // The target is stated in time: renderQrSvg may take at most 1.2x the baseline's time.
  const timeRatio = Number((base.opsPerSec / ops).toFixed(2));
  const target = name === 'render.svg.qr' ? { maxTimeRatio: 1.2, meetsTarget: timeRatio <= 1.2 } : {};
  return benchRow(name, ops, base, { timeRatio, ...target });
});
for (const r of rows) console.log(`${r.name.padEnd(40)} ${String(r.opsPerSec).padStart(8)} ops/s  ${r.timeRatio}x baseline time`);
mergeResults(rows);
if (sink === 0) console.log('');
