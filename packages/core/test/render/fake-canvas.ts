// Fake Canvas2DLike contexts that rasterise fillRect into an RGBA buffer, the way a
// browser canvas does without anti-aliasing: a pixel is filled when its centre is inside.
import type { Canvas2DLike } from '@healthcode/core';
import type { Rgba } from './support.js';

function parseColour(style: unknown): [number, number, number, number] {
  const s = String(style);
  const hex = /^#([0-9a-f]{6})$/i.exec(s);
  if (hex) {
    const v = Number.parseInt(hex[1]!, 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255, 1];
  }
  const rgba = /^rgba?\(([^)]+)\)$/.exec(s);
  if (rgba) {
    const [r = 0, g = 0, b = 0, a = 1] = rgba[1]!.split(',').map(Number);
    return [r, g, b, a];
  }
  throw new Error(`fake canvas cannot parse colour ${s}`);
}

/** A recorded drawing call, in device pixels where it has coordinates. */
export type CanvasOp =
  | { op: 'fillRect'; x0: number; y0: number; x1: number; y1: number; colour: string }
  | { op: 'fillText'; text: string; x: number; y: number }
  | { op: 'arc'; x: number; y: number; r: number; colour: string };

/**
 * A Canvas 2D node or browser canvas: backing store `width*dpr` square pixels, and
 * the caller applies `scale(dpr, dpr)` as hosts do.
 */
export class FakeCanvas2D implements Canvas2DLike {
  fillStyle: unknown = '#000000';
  font = '';
  textAlign = 'start';
  textBaseline = 'alphabetic';
  readonly ops: CanvasOp[] = [];
  readonly image: Rgba;
  protected sx = 1;
  protected sy = 1;

  constructor(
    readonly deviceWidth: number,
    readonly deviceHeight: number,
  ) {
    this.image = { width: deviceWidth, height: deviceHeight, data: new Uint8Array(deviceWidth * deviceHeight * 4) };
  }

  scale(x: number, y: number): void {
    this.sx *= x;
    this.sy *= y;
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    this.paint(x * this.sx, y * this.sy, (x + w) * this.sx, (y + h) * this.sy, this.fillStyle);
  }

  clearRect(x: number, y: number, w: number, h: number): void {
    this.paint(x * this.sx, y * this.sy, (x + w) * this.sx, (y + h) * this.sy, 'rgba(0,0,0,0)', true);
  }

  fillText(text: string, x: number, y: number): void {
    this.ops.push({ op: 'fillText', text, x: x * this.sx, y: y * this.sy });
  }

  beginPath(): void {}

  arc(x: number, y: number, r: number): void {
    this.ops.push({ op: 'arc', x: x * this.sx, y: y * this.sy, r: r * this.sx, colour: String(this.fillStyle) });
  }

  fill(): void {}

  protected paint(x0: number, y0: number, x1: number, y1: number, style: unknown, replace = false): void {
    this.ops.push({ op: 'fillRect', x0, y0, x1, y1, colour: String(style) });
    const [r, g, b, a] = parseColour(style);
    const { width, height, data } = this.image;
    for (let py = Math.max(0, Math.round(y0)); py < Math.min(height, Math.round(y1)); py++) {
      for (let px = Math.max(0, Math.round(x0)); px < Math.min(width, Math.round(x1)); px++) {
        const i = (py * width + px) * 4;
        const k = replace ? 1 : a;
        data[i] = Math.round(r * k + data[i]! * (1 - k));
        data[i + 1] = Math.round(g * k + data[i + 1]! * (1 - k));
        data[i + 2] = Math.round(b * k + data[i + 2]! * (1 - k));
        data[i + 3] = replace ? Math.round(a * 255) : 255;
      }
    }
  }
}

/**
 * The legacy mini-program `createCanvasContext` API: drawing is queued and only reaches
 * the backing store on `draw()`, which also maps logical to device pixels itself.
 */
export class FakeLegacyCanvas extends FakeCanvas2D {
  private queue: Array<() => void> = [];
  drawCalls = 0;

  constructor(width: number, height: number, pixelRatio: number) {
    super(Math.round(width * pixelRatio), Math.round(height * pixelRatio));
    this.sx = this.sy = pixelRatio;
  }

  override fillRect(x: number, y: number, w: number, h: number): void {
    const style = this.fillStyle;
    this.queue.push(() => {
      this.fillStyle = style;
      super.fillRect(x, y, w, h);
    });
  }

  draw(): void {
    this.drawCalls++;
    for (const run of this.queue) run();
    this.queue = [];
  }
}
