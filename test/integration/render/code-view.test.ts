import { describe, expect, it } from 'vitest';
import { createCodeView, type HostCanvasTarget } from '@healthcode/core';
import { statusStyle } from '@healthcode/core/render';
import { createRecordingCanvas } from '@healthcode/mock-host';

const target = (): HostCanvasTarget & { context: ReturnType<typeof createRecordingCanvas> } => ({
  context: createRecordingCanvas(),
  width: 300,
  height: 380,
  pixelRatio: 2,
});

describe('createCodeView', () => {
  let clock = new Date('2026-03-01T08:00:00Z');
  const view = () => createCodeView({ now: () => clock });

  it('labels the status and draws once both props and canvas are there', () => {
    const v = view();
    const t = target();
    expect(v.setProps({ qrText: 'HCODE2:x', name: '张*三', status: 'yellow' })).toMatchObject({ statusLabel: '黄码', error: '' });
    expect(t.context.operations).toHaveLength(0);
    v.setCanvas(t);
    expect(t.context.operations.some((o) => o.fillStyle === statusStyle('yellow').color)).toBe(true);
  });

  it('forgets a drawing error once the canvas is large enough', () => {
    const v = view();
    v.setProps({ qrText: 'HCODE2:x', name: '张*三', status: 'green' });
    // A canvas measured before layout is tiny; the next measurement is the real one.
    expect(v.setCanvas({ ...target(), width: 10, height: 15 }).error).not.toBe('');
    expect(v.setCanvas(target()).error).toBe('');
  });

  it('moves the clock on each tick', () => {
    const v = view();
    v.setCanvas(target());
    v.setProps({ qrText: 'HCODE2:x', name: 'n', status: 'green' });
    const first = v.state.clock;
    clock = new Date(clock.getTime() + 1000);
    expect(v.tick().clock).not.toBe(first);
  });

  it('labels English when asked', () => {
    expect(createCodeView({ locale: 'en' }).setProps({ status: 'red' }).statusLabel).toBe('Red code');
  });

  it('clears the canvas and reports the reason for unusable input instead of throwing', () => {
    const v = view();
    const t = target();
    v.setCanvas(t);
    expect(v.setProps({ qrText: 'HCODE2:x', name: 'n', status: 'green', expiresAt: 'soon' }).error).toMatch(/expiresAt/);
    expect(t.context.operations.at(-1)?.op).toBe('clearRect');
    expect(v.setProps({ qrText: 'HCODE2:x', status: 'purple' })).toMatchObject({ statusLabel: '' });
  });

  it('accepts times as ISO strings, epoch milliseconds or dates', () => {
    const v = view();
    for (const expiresAt of ['2026-03-01T09:00:00Z', Date.parse('2026-03-01T09:00:00Z'), new Date('2026-03-01T09:00:00Z')]) {
      expect(v.setProps({ qrText: 'HCODE2:x', name: 'n', status: 'green', expiresAt }).error).toBe('');
    }
  });
});
