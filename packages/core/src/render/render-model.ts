import { HEALTH_STATUSES, type HealthStatus } from '../status.js';
import { clockParts, secondsUntil } from './live.js';
import { encodeQr, type QrMatrix } from './qr-matrix.js';
import { RenderError } from './render-error.js';
import { statusStyle, type BilingualText, type StatusStyle } from './status-style.js';

/** What is shown around the QR code. Personal data must arrive already masked. */
export interface DisplayData {
  /** Masked name, e.g. `张*三`. Shown as given. */
  name: string;
  /** Last digits of the identity document, e.g. `1234`. */
  documentTail?: string;
  /** Name of the issuing region, e.g. `深圳市`. */
  regionName?: string;
  status: HealthStatus;
  /** When the code stops being valid. */
  expiresAt?: Date;
  /** When the app should fetch a new code (before `expiresAt`). */
  refreshAfter?: Date;
}

/** Freshness of the code on screen, as tracked by a refresh controller. */
export type RefreshState = 'fresh' | 'refreshing' | 'stale' | 'expired';

/** A banner shown above the QR code. */
export interface RenderNotice {
  kind: 'stale' | 'expired' | 'screenshot';
  text: BilingualText;
}

/** Options of {@link createRenderModel}. */
export interface RenderModelOptions {
  /** Time the model is made at; default the current time. */
  now?: Date;
  /** Offset of the displayed clock east of UTC in minutes; default the runtime's local offset at `now`. */
  utcOffsetMinutes?: number;
  /** From a refresh controller: `stale` and `expired` show a banner. */
  freshness?: RefreshState;
  /** Show the screenshot warning banner (e.g. after the host reported a screenshot). */
  screenshotWarning?: boolean;
}

/** Everything a renderer needs; made once per code, drawn many times. */
export interface RenderModel {
  readonly qrText: string;
  readonly matrix: QrMatrix;
  readonly status: HealthStatus;
  /** Colour, label (zh-CN and en) and icon shape of the status. */
  readonly style: StatusStyle;
  readonly name: string;
  readonly documentTail?: string;
  readonly regionName?: string;
  readonly expiresAt?: Date;
  readonly refreshAfter?: Date;
  readonly utcOffsetMinutes: number;
  readonly freshness?: RefreshState;
  readonly screenshotWarning: boolean;
  /** The clock at the time the model was made, `HH:MM:SS`; renderers redraw it live. */
  readonly clock: string;
  /** Seconds from model creation until `refreshAfter` (or `expiresAt`), when either is known. */
  readonly secondsUntilRefresh?: number;
}

const NOTICES: Record<RenderNotice['kind'], BilingualText> = {
  expired: { 'zh-CN': '健康码已过期', en: 'Code expired' },
  stale: { 'zh-CN': '离线，未能更新', en: 'Offline: not updated' },
  screenshot: { 'zh-CN': '截图无效', en: 'Screenshots are not valid' },
};

// Control characters could break the SVG or a terminal; display data never needs them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const cleanText = (s: string): string => s.replace(/[\u0000-\u001f\u007f]/g, '').trim();

/**
 * Builds the render model: the QR module matrix and the status, labels and times to show.
 *
 * @throws RenderError `invalid_input` for an unknown status, a missing name or bad dates; `too_long`
 */
export function createRenderModel(qrText: string, display: DisplayData, opts: RenderModelOptions = {}): RenderModel {
  return renderModelOf(qrText, () => encodeQr(qrText), display, opts);
}

/**
 * {@link createRenderModel} with the QR matrix from `matrixOf` (called once the display data has
 * been checked), for callers that keep the matrix of a text they have encoded before.
 */
export function renderModelOf(qrText: string, matrixOf: () => QrMatrix, display: DisplayData, opts: RenderModelOptions = {}): RenderModel {
  if (!display || !HEALTH_STATUSES.includes(display.status)) {
    throw new RenderError('render/invalid_input', `unknown status ${JSON.stringify(display?.status)}`);
  }
  if (typeof display.name !== 'string') throw new RenderError('render/invalid_input', 'display.name must be a string');
  for (const key of ['expiresAt', 'refreshAfter'] as const) {
    const d = display[key];
    if (d !== undefined && !(d instanceof Date && Number.isFinite(d.getTime()))) {
      throw new RenderError('render/invalid_input', `display.${key} must be a valid Date`);
    }
  }
  const now = opts.now ?? new Date();
  const utcOffsetMinutes = opts.utcOffsetMinutes ?? -now.getTimezoneOffset();
  const refreshAt = display.refreshAfter ?? display.expiresAt;
  return {
    qrText,
    matrix: matrixOf(),
    status: display.status,
    style: statusStyle(display.status),
    name: cleanText(display.name),
    ...(display.documentTail ? { documentTail: cleanText(display.documentTail) } : {}),
    ...(display.regionName ? { regionName: cleanText(display.regionName) } : {}),
    ...(display.expiresAt ? { expiresAt: display.expiresAt } : {}),
    ...(display.refreshAfter ? { refreshAfter: display.refreshAfter } : {}),
    utcOffsetMinutes,
    ...(opts.freshness ? { freshness: opts.freshness } : {}),
    screenshotWarning: opts.screenshotWarning ?? false,
    clock: clockParts(now, utcOffsetMinutes).text,
    ...(refreshAt ? { secondsUntilRefresh: secondsUntil(refreshAt, now) } : {}),
  };
}

/** The banner to show at `now`, if any: expiry first, then staleness, then a screenshot warning. */
export function noticeAt(model: RenderModel, now: Date): RenderNotice | undefined {
  const expired = model.freshness === 'expired' || (model.expiresAt !== undefined && now >= model.expiresAt);
  const kind = expired ? 'expired' : model.freshness === 'stale' ? 'stale' : model.screenshotWarning ? 'screenshot' : undefined;
  return kind ? { kind, text: NOTICES[kind] } : undefined;
}

/** `张*三 · 1234`: the masked name and document tail on one line. */
export function identityLine(model: RenderModel): string {
  return model.documentTail ? `${model.name} · ${model.documentTail}` : model.name;
}

/** `绿码 Green code`. */
export function statusLine(model: RenderModel): string {
  return `${model.style.label['zh-CN']} ${model.style.label.en}`;
}

/** `有效至 14:05:00 · Valid until 14:05:00`, or undefined without an expiry. */
export function validityLine(model: RenderModel): string | undefined {
  if (!model.expiresAt) return undefined;
  const t = clockParts(model.expiresAt, model.utcOffsetMinutes).text;
  return `有效至 ${t} · Valid until ${t}`;
}

/** `42 秒后刷新 · Refresh in 42 s` at `now`, falling back to the validity line. */
export function countdownLine(model: RenderModel, now: Date): string | undefined {
  const at = model.refreshAfter ?? model.expiresAt;
  if (!at) return undefined;
  if (!model.refreshAfter) return validityLine(model);
  const s = secondsUntil(at, now);
  return `${s} 秒后刷新 · Refresh in ${s} s`;
}
