import type { Canvas2DLike } from '@healthcode/core';

/** One drawing call a {@link RecordingCanvas} received. */
export interface CanvasOperation {
  op: string;
  args: unknown[];
  /** `fillStyle` at the time of the call. */
  fillStyle: unknown;
}

/** A `Canvas2DLike` that records what was drawn instead of drawing it. */
export interface RecordingCanvas extends Canvas2DLike {
  readonly operations: CanvasOperation[];
  /** Texts passed to `fillText`, in order. */
  texts(): string[];
}

/** Creates a canvas context that records every call, for tests and headless demos. */
export function createRecordingCanvas(): RecordingCanvas {
  const operations: CanvasOperation[] = [];
  const ctx: RecordingCanvas = {
    operations,
    fillStyle: '#000000',
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    texts: () => operations.filter((o) => o.op === 'fillText').map((o) => String(o.args[0])),
    fillRect: (...args) => record('fillRect', args),
    clearRect: (...args) => record('clearRect', args),
    save: () => record('save', []),
    restore: () => record('restore', []),
    scale: (...args) => record('scale', args),
    fillText: (...args) => record('fillText', args),
    beginPath: () => record('beginPath', []),
    arc: (...args) => record('arc', args),
    fill: () => record('fill', []),
  };
  function record(op: string, args: unknown[]): void {
    operations.push({ op, args, fillStyle: ctx.fillStyle });
  }
  return ctx;
}
