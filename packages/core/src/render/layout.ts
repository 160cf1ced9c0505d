import { RenderError } from './render-error.js';

/** Card height per unit of width that fits every element with a square QR code. */
export const CARD_ASPECT = 1.5;

/** A box in logical pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Positions of everything on the card, in logical pixels. */
export interface CardLayout {
  width: number;
  height: number;
  header: Box;
  /** Top-left of the status icon and the side of one icon cell. */
  icon: { x: number; y: number; cell: number };
  label: { x: number; y: number; size: number };
  identity: { x: number; y: number; size: number };
  region: { x: number; y: number; size: number };
  notice: Box & { size: number };
  /** The QR code with its quiet zone; `module` is one module's side, a whole number of device pixels. */
  qr: Box & { module: number };
  clock: { x: number; y: number; size: number; charWidth: number };
  ring: { x: number; y: number; radius: number };
  footnote: { x: number; y: number; size: number };
}

/**
 * Lays out the card for a `width` x `height` logical area drawn at `pixelRatio` device
 * pixels per logical pixel. QR modules are a whole number of device pixels and start on
 * a device pixel, so the code stays crisp at any ratio (2.75 included).
 *
 * @param modulesWithQuietZone - modules per side including both quiet zones
 * @throws RenderError `invalid_input` for non-positive sizes, `too_small` when a module would be under one device pixel
 */
export function layoutCard(width: number, height: number, pixelRatio: number, modulesWithQuietZone: number): CardLayout {
  if (!(width > 0 && height > 0 && pixelRatio > 0) || ![width, height, pixelRatio].every(Number.isFinite)) {
    throw new RenderError('render/invalid_input', `bad canvas size ${width}x${height} at pixel ratio ${pixelRatio}`);
  }
  const u = width / 100;
  const snap = (v: number): number => Math.round(v * pixelRatio) / pixelRatio;
  const qrTop = 38 * u;
  const footer = 22 * u;
  const available = Math.min(width - 8 * u, height - qrTop - footer);
  const moduleDevicePx = Math.floor((available * pixelRatio) / modulesWithQuietZone);
  if (moduleDevicePx < 1) {
    throw new RenderError('render/too_small', `a ${width}x${height} area cannot hold ${modulesWithQuietZone} modules`);
  }
  const module = moduleDevicePx / pixelRatio;
  const side = module * modulesWithQuietZone;
  const qr = { x: snap((width - side) / 2), y: snap(qrTop), w: side, h: side, module };
  const clockY = qr.y + side + 7 * u;
  return {
    width,
    height,
    header: { x: 0, y: 0, w: width, h: 16 * u },
    icon: { x: 6 * u, y: 3.5 * u, cell: u },
    label: { x: 19 * u, y: 8 * u, size: 6.5 * u },
    identity: { x: width / 2, y: 22 * u, size: 5.2 * u },
    region: { x: width / 2, y: 28 * u, size: 4.2 * u },
    notice: { x: 4 * u, y: 31 * u, w: width - 8 * u, h: 6 * u, size: 3.6 * u },
    qr,
    clock: { x: width / 2, y: clockY, size: 9 * u, charWidth: 9 * u * 0.62 },
    ring: { x: width - 13 * u, y: clockY, radius: 4 * u },
    footnote: { x: width / 2, y: clockY + 9 * u, size: 3.8 * u },
  };
}
