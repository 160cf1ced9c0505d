import { CARD_ASPECT, layoutCard, type CardLayout } from './layout.js';
import { clockParts, livenessAngle, LIVENESS_PERIOD_MS, msIntoDay, ringDots } from './live.js';
import { darkRuns, encodeQr, QUIET_ZONE_MODULES, withQuietZone, type QrMatrix } from './qr-matrix.js';
import { identityLine, noticeAt, statusLine, validityLine, type RenderModel } from './render-model.js';
import { RenderError } from './render-error.js';
import { iconCells, ICON_SIZE } from './status-style.js';

/** Options of {@link renderSvg}. */
export interface SvgOptions {
  /** Width in pixels; the height is 1.5 times it. Default 360. */
  size?: number;
  /** Time shown on the clock and the ring; default now. */
  now?: Date;
  /** SMIL animation of the clock's digits and the liveness ring; default true. */
  animate?: boolean;
}

const FONT = `system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif`;
const MONO = `ui-monospace,'SF Mono',Menlo,'DejaVu Sans Mono',monospace`;

const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** Path data for set cells of a bitmap, one `M…h…v1h…z` per horizontal run, offset by `offset` cells. */
function runsPath(cells: ArrayLike<number>, width: number, offset: number): string {
  let d = '';
  for (const r of darkRuns(cells, width)) d += `M${r.x + offset} ${r.y + offset}h${r.length}v1h-${r.length}z`;
  return d;
}

/** The QR code with its quiet zone as an `<svg>` element whose user unit is one module. */
function qrElement(matrix: QrMatrix, attrs: string): string {
  const n = withQuietZone(matrix.size);
  return (
    `<svg ${attrs} viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges">` +
    `<rect width="${n}" height="${n}" fill="#fff"/>` +
    `<path fill="#000" d="${runsPath(matrix.modules, matrix.size, QUIET_ZONE_MODULES)}"/></svg>`
  );
}

/**
 * Just the QR code of `qrText` as a standalone SVG (white background, 4-module quiet zone),
 * `scale` pixels per module. The fast path when no card is needed.
 */
export function renderQrSvg(qrText: string, opts: { scale?: number } = {}): string {
  const scale = opts.scale ?? 4;
  if (!(scale > 0 && Number.isFinite(scale))) throw new RenderError('render/invalid_input', `scale must be a positive number, got ${scale}`);
  const matrix = encodeQr(qrText);
  const px = withQuietZone(matrix.size) * scale;
  return qrElement(matrix, `xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}"`);
}

function text(x: number, y: number, size: number, fill: string, content: string, extra = ''): string {
  return (
    `<text x="${num(x)}" y="${num(y)}" font-size="${num(size)}" fill="${fill}" dominant-baseline="central"${extra}>` +
    `${escapeXml(content)}</text>`
  );
}

/** Short id prefix, the same for the same card: equal ids on one page then mean equal clip paths. */
function idPrefix(model: RenderModel, width: number): string {
  let h = 0x811c9dc5;
  for (const ch of `${width}|${model.qrText}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return `hc${(h >>> 0).toString(36)}`;
}

interface ClockField {
  /** Left edge of the two digits. */
  x: number;
  /** Number of values in one cycle (24 or 60) and seconds per value. */
  values: number;
  step: number;
  current: number;
  /** Seconds since the current cycle began. */
  elapsed: number;
}

/**
 * One clock field as a clipped strip of all its values that a discrete SMIL animation,
 * started in phase with `now`, scrolls one step per unit: a static SVG keeps ticking
 * where SMIL runs and shows the render-time value where it does not. Clip paths rather
 * than nested `<svg>` viewports, because Chromium does not run SMIL inside nested ones.
 */
function clockField(f: ClockField, layout: CardLayout, clipId: string, animate: boolean): string {
  const { size, charWidth, y } = layout.clock;
  const line = size * 1.2;
  const w = charWidth * 2;
  const top = y - line / 2;
  if (!animate) return `<text x="${num(f.x + w / 2)}" y="${num(y)}">${String(f.current).padStart(2, '0')}</text>`;
  let digits = '';
  for (let i = 0; i < f.values; i++) {
    digits += `<text x="${num(f.x + w / 2)}" y="${num(y + line * i)}">${String(i).padStart(2, '0')}</text>`;
  }
  const steps = Array.from({ length: f.values }, (_, i) => `0 ${num(-i * line)}`).join(';');
  return (
    `<clipPath id="${clipId}"><rect x="${num(f.x)}" y="${num(top)}" width="${num(w)}" height="${num(line)}"/></clipPath>` +
    `<g clip-path="url(#${clipId})"><g transform="translate(0 ${num(-f.current * line)})">` +
    `<animateTransform attributeName="transform" type="translate" calcMode="discrete" values="${steps}" ` +
    `dur="${f.values * f.step}s" begin="${num(-f.elapsed)}s" repeatCount="indefinite"/>${digits}</g></g>`
  );
}

function clockElement(model: RenderModel, layout: CardLayout, now: Date, animate: boolean): string {
  const { x, y, size, charWidth } = layout.clock;
  const { hours, minutes, seconds } = clockParts(now, model.utcOffsetMinutes);
  const intoDay = msIntoDay(now, model.utcOffsetMinutes) / 1000;
  const left = x - 4 * charWidth;
  const id = idPrefix(model, layout.width);
  return (
    `<g font-family="${MONO}" font-size="${num(size)}" font-weight="600" fill="#111" text-anchor="middle" dominant-baseline="central">` +
    clockField({ x: left, values: 24, step: 3600, current: hours, elapsed: intoDay }, layout, `${id}h`, animate) +
    `<text x="${num(left + 2.5 * charWidth)}" y="${num(y)}">:</text>` +
    clockField({ x: left + 3 * charWidth, values: 60, step: 60, current: minutes, elapsed: intoDay % 3600 }, layout, `${id}m`, animate) +
    `<text x="${num(left + 5.5 * charWidth)}" y="${num(y)}">:</text>` +
    clockField({ x: left + 6 * charWidth, values: 60, step: 1, current: seconds, elapsed: intoDay % 60 }, layout, `${id}s`, animate) +
    `</g>`
  );
}

function ringElement(model: RenderModel, layout: CardLayout, now: Date, animate: boolean): string {
  const { x, y, radius } = layout.ring;
  const angle = livenessAngle(now);
  const dots = ringDots(radius, 0)
    .map((d) => `<circle cx="${num(d.x)}" cy="${num(d.y)}" r="${num(d.radius)}" fill-opacity="${num(d.opacity)}"/>`)
    .join('');
  const spin = animate
    ? `<animateTransform attributeName="transform" type="rotate" from="${num(angle)}" to="${num(angle + 360)}" ` +
      `dur="${LIVENESS_PERIOD_MS / 1000}s" repeatCount="indefinite"/>`
    : '';
  return (
    `<g transform="translate(${num(x)} ${num(y)})"><g class="hc-liveness" fill="${model.style.accent}" transform="rotate(${num(angle)})">` +
    `${spin}${dots}</g></g>`
  );
}

/**
 * The full health code card as an SVG string: status band with icon and bilingual label,
 * masked identity, region, any freshness banner, the QR code (one `<path>`, crisp edges,
 * 4-module quiet zone), a ticking clock and a rotating liveness ring.
 *
 * @throws RenderError `invalid_input` for a bad size, `too_small` when the code cannot fit
 */
export function renderSvg(model: RenderModel, opts: SvgOptions = {}): string {
  const width = opts.size ?? 360;
  const height = Math.round(width * CARD_ASPECT);
  const now = opts.now ?? new Date();
  const animate = opts.animate ?? true;
  const layout = layoutCard(width, height, 1, withQuietZone(model.matrix.size));
  const { style } = model;
  const notice = noticeAt(model, now);
  const label = statusLine(model);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `role="img" aria-label="${escapeXml(`${label}, ${model.name}`)}" font-family="${FONT}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<rect width="${width}" height="${num(layout.header.h)}" fill="${style.color}"/>`,
    `<path fill="${style.onColor}" shape-rendering="crispEdges" ` +
      `transform="translate(${num(layout.icon.x)} ${num(layout.icon.y)}) scale(${num(layout.icon.cell)})" ` +
      `d="${runsPath(iconCells(style.icon), ICON_SIZE, 0)}"/>`,
    text(layout.label.x, layout.label.y, layout.label.size, style.onColor, label, ' font-weight="700"'),
    text(layout.identity.x, layout.identity.y, layout.identity.size, '#111', identityLine(model), ' text-anchor="middle"'),
  ];
  if (model.regionName) {
    parts.push(text(layout.region.x, layout.region.y, layout.region.size, '#555', model.regionName, ' text-anchor="middle"'));
  }
  if (notice) {
    const b = layout.notice;
    parts.push(
      `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="${num(b.h / 4)}" fill="#1a1a1a"/>`,
      text(b.x + b.w / 2, b.y + b.h / 2, b.size, '#fff', `⚠ ${notice.text['zh-CN']} · ${notice.text.en}`, ' text-anchor="middle"'),
    );
  }
  const q = layout.qr;
  parts.push(qrElement(model.matrix, `x="${num(q.x)}" y="${num(q.y)}" width="${num(q.w)}" height="${num(q.h)}"`));
  parts.push(clockElement(model, layout, now, animate), ringElement(model, layout, now, animate));
  const validity = validityLine(model);
  if (validity) {
    parts.push(text(layout.footnote.x, layout.footnote.y, layout.footnote.size, '#555', validity, ' text-anchor="middle"'));
  }
  parts.push('</svg>');
  return parts.join('');
}
