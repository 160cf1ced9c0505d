import type { HealthStatus } from '../status.js';

/** Languages every label is given in. */
export type RenderLocale = 'zh-CN' | 'en';

/** A text in each render locale (zh-CN and en). */
export type BilingualText = Record<RenderLocale, string>;

/** Icon shapes: each status has its own, so colour is never the only signal. */
export type StatusIconShape = 'check' | 'warning' | 'cross';

/** How a status looks: colour, readable text colour on it, label and icon. */
export interface StatusStyle {
  readonly status: HealthStatus;
  /** Background of the status band, CSS hex colour. */
  readonly color: string;
  /** Text and icon colour on `color`, chosen for contrast. */
  readonly onColor: string;
  /** The status hue dark enough to read on white (the liveness ring). */
  readonly accent: string;
  readonly label: BilingualText;
  readonly icon: StatusIconShape;
}

const STYLES: Record<HealthStatus, StatusStyle> = {
  green: {
    status: 'green',
    color: '#0e8a3e',
    onColor: '#ffffff',
    accent: '#0e8a3e',
    label: { 'zh-CN': '绿码', en: 'Green code' },
    icon: 'check',
  },
  yellow: {
    status: 'yellow',
    color: '#f5c400',
    onColor: '#1a1a1a',
    accent: '#9a7500',
    label: { 'zh-CN': '黄码', en: 'Yellow code' },
    icon: 'warning',
  },
  red: {
    status: 'red',
    color: '#c8102e',
    onColor: '#ffffff',
    accent: '#c8102e',
    label: { 'zh-CN': '红码', en: 'Red code' },
    icon: 'cross',
  },
};

/** The style of a status. */
export function statusStyle(status: HealthStatus): StatusStyle {
  return STYLES[status];
}

// 9x9 pixel-art glyphs: drawn as rects by every renderer, so SVG and canvas agree
// and no path primitives beyond fillRect are needed on legacy canvases.
const ICON_ROWS: Record<StatusIconShape, readonly string[]> = {
  check: ['.........', '........#', '.......##', '......##.', '#....##..', '##..##...', '.####....', '..##.....', '.........'],
  warning: ['....#....', '...###...', '...#.#...', '..##.##..', '..##.##..', '.#######.', '.###.###.', '#########', '.........'],
  cross: ['##.....##', '###...###', '.###.###.', '..#####..', '...###...', '..#####..', '.###.###.', '###...###', '##.....##'],
};

/** Cells per side of every status icon. */
export const ICON_SIZE = 9;

/** Row-major cells of an icon, `1` where it is inked. */
export function iconCells(shape: StatusIconShape): Uint8Array {
  const rows = ICON_ROWS[shape];
  const cells = new Uint8Array(ICON_SIZE * ICON_SIZE);
  rows.forEach((row, y) => {
    for (let x = 0; x < ICON_SIZE; x++) if (row[x] === '#') cells[y * ICON_SIZE + x] = 1;
  });
  return cells;
}
