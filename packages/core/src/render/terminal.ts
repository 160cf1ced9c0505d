import { encodeQr, QUIET_ZONE_MODULES, withQuietZone } from './qr-matrix.js';

/** Options of {@link renderTerminal}. */
export interface TerminalOptions {
  /**
   * Plain mode only (`ansi: false`): draw light modules as ink instead of dark ones,
   * for light-on-dark terminals. Ignored with ANSI colours, which fix both colours.
   */
  invert?: boolean;
  /**
   * Set explicit black-on-white ANSI colours on every line so the terminal's theme
   * cannot invert the code. Default true; false gives plain text for files and logs.
   */
  ansi?: boolean;
}

// Indexed by top module dark (2) + bottom module dark (1).
const HALF_BLOCKS = [' ', '▄', '▀', '█'] as const;
const ANSI_START = '\x1b[38;5;16;48;5;231m'; // 256-colour black on white: not remapped by themes like 30/47
const ANSI_END = '\x1b[0m';

/**
 * The QR code of `qrText` as text, two module rows per line with Unicode half blocks
 * (`▀ ▄ █` and space), with a 4-module quiet zone on every side. Lines end in `\n`.
 *
 * @throws RenderError `invalid_input`, `too_long`
 */
export function renderTerminal(qrText: string, opts: TerminalOptions = {}): string {
  const matrix = encodeQr(qrText);
  const ansi = opts.ansi ?? true;
  const inkIsLight = !ansi && opts.invert === true;
  const n = withQuietZone(matrix.size);
  const q = QUIET_ZONE_MODULES;
  // Outside the matrix (quiet zone, and the row past the bottom when n is odd) is light.
  const isDark = (x: number, y: number): boolean => {
    const mx = x - q;
    const my = y - q;
    return mx >= 0 && my >= 0 && mx < matrix.size && my < matrix.size && matrix.modules[my * matrix.size + mx] === 1;
  };
  const inked = (x: number, y: number): number => (isDark(x, y) !== inkIsLight ? 1 : 0);
  let out = '';
  for (let y = 0; y < n; y += 2) {
    let line = '';
    for (let x = 0; x < n; x++) line += HALF_BLOCKS[inked(x, y) * 2 + inked(x, y + 1)];
    out += ansi ? `${ANSI_START}${line}${ANSI_END}\n` : `${line}\n`;
  }
  return out;
}
