import type { Canvas2DLike } from '../host/host.js';
import { layoutCard, type CardLayout } from './layout.js';
import { clockParts, livenessAngle, ringDots } from './live.js';
import { darkRuns, QUIET_ZONE_MODULES, withQuietZone } from './qr-matrix.js';
import { countdownLine, identityLine, noticeAt, statusLine, type RenderModel } from './render-model.js';
import { iconCells, ICON_SIZE } from './status-style.js';

/** Options of {@link drawOnCanvas}. */
export interface CanvasDrawOptions {
  /** Drawing area in logical (CSS) pixels. */
  width: number;
  height: number;
  /**
   * Device pixels per logical pixel. The context must already map logical to device
   * pixels (browser and Canvas 2D nodes: `ctx.scale(dpr, dpr)` on a `width*dpr` backing
   * store; the legacy `createCanvasContext` API does this itself).
   */
  pixelRatio: number;
  /** Time shown on the clock and ring; default now. */
  now?: Date;
}

const FONT = `system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif`;

function hexToRgba(hex: string, alpha: number): string {
  const v = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha})`;
}

function fillCells(ctx: Canvas2DLike, cells: ArrayLike<number>, width: number, x: number, y: number, cell: number): void {
  for (const r of darkRuns(cells, width)) ctx.fillRect(x + r.x * cell, y + r.y * cell, r.length * cell, cell);
}

function drawText(ctx: Canvas2DLike, content: string, x: number, y: number, size: number, color: string, align: string, weight = ''): void {
  if (!ctx.fillText) return;
  ctx.fillStyle = color;
  ctx.font = `${weight}${Math.round(size)}px ${FONT}`;
  ctx.textAlign = align;
  ctx.textBaseline = 'middle';
  ctx.fillText(content, x, y);
}

function drawRing(ctx: Canvas2DLike, model: RenderModel, layout: CardLayout, now: Date): void {
  const { x, y, radius } = layout.ring;
  for (const d of ringDots(radius, livenessAngle(now))) {
    ctx.fillStyle = hexToRgba(model.style.accent, d.opacity);
    if (ctx.beginPath && ctx.arc && ctx.fill) {
      ctx.beginPath();
      ctx.arc(x + d.x, y + d.y, d.radius, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.fillRect(x + d.x - d.radius, y + d.y - d.radius, d.radius * 2, d.radius * 2);
    }
  }
}

/**
 * Draws the card on any {@link Canvas2DLike}: browser canvas, mini-program Canvas 2D
 * node, or the legacy `createCanvasContext` API (flushed with `draw()` when present).
 * Each QR module is a whole number of device pixels on the device pixel grid, so the
 * code is crisp at any pixel ratio. Call it again every second (or frame) to tick the
 * clock and turn the liveness ring.
 *
 * @throws RenderError `invalid_input` for bad sizes, `too_small` when the code cannot fit
 */
export function drawOnCanvas(ctx: Canvas2DLike, model: RenderModel, opts: CanvasDrawOptions): void {
  const { width, height, pixelRatio } = opts;
  const now = opts.now ?? new Date();
  const layout = layoutCard(width, height, pixelRatio, withQuietZone(model.matrix.size));
  const { style } = model;

  ctx.clearRect?.(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = style.color;
  ctx.fillRect(0, 0, width, layout.header.h);
  ctx.fillStyle = style.onColor;
  fillCells(ctx, iconCells(style.icon), ICON_SIZE, layout.icon.x, layout.icon.y, layout.icon.cell);
  drawText(ctx, statusLine(model), layout.label.x, layout.label.y, layout.label.size, style.onColor, 'left', 'bold ');
  drawText(ctx, identityLine(model), layout.identity.x, layout.identity.y, layout.identity.size, '#111111', 'center');
  if (model.regionName) drawText(ctx, model.regionName, layout.region.x, layout.region.y, layout.region.size, '#555555', 'center');

  const notice = noticeAt(model, now);
  if (notice) {
    const b = layout.notice;
    ctx.fillStyle = '#1a1a1a';
    ctx.fillRect(b.x, b.y, b.w, b.h);
    drawText(ctx, `⚠ ${notice.text['zh-CN']} · ${notice.text.en}`, b.x + b.w / 2, b.y + b.h / 2, b.size, '#ffffff', 'center');
  }

  // The background fill above already made the quiet zone light; only dark modules remain.
  const q = layout.qr;
  ctx.fillStyle = '#000000';
  const origin = QUIET_ZONE_MODULES * q.module;
  fillCells(ctx, model.matrix.modules, model.matrix.size, q.x + origin, q.y + origin, q.module);

  const c = layout.clock;
  drawText(ctx, clockParts(now, model.utcOffsetMinutes).text, c.x, c.y, c.size, '#111111', 'center', 'bold ');
  drawRing(ctx, model, layout, now);
  const foot = countdownLine(model, now);
  if (foot) drawText(ctx, foot, layout.footnote.x, layout.footnote.y, layout.footnote.size, '#555555', 'center');
  ctx.draw?.();
}
