import { createCodeView } from '@healthcode/core';
import { createRecordingCanvas } from '@healthcode/mock-host';
import { describe, expect, it, vi } from 'vitest';
import * as qrMatrix from '../../src/render/qr-matrix.js';

// Counted, so the test sees how often the view encodes a QR text.
vi.mock('../../src/render/qr-matrix.js', async (original) => {
  const actual = await original<typeof import('../../src/render/qr-matrix.js')>();
  return { ...actual, encodeQr: vi.fn(actual.encodeQr) };
});

describe('createCodeView QR matrix', () => {
  it('encodes a QR text once, however often the other props change, and again for a new text', () => {
    const view = createCodeView({ now: () => new Date('2026-03-01T08:00:00Z') });
    view.setCanvas({ context: createRecordingCanvas(), width: 300, height: 380, pixelRatio: 2 });
    vi.mocked(qrMatrix.encodeQr).mockClear();
    const props = { qrText: 'HC1:0123456789', name: '张*三', status: 'green' };
    view.setProps(props);
    view.setProps({ ...props, freshness: 'stale' as const });
    view.setProps({ ...props, status: 'yellow' });
    view.tick();
    expect(qrMatrix.encodeQr).toHaveBeenCalledTimes(1);
    view.setProps({ ...props, qrText: 'HC1:9876543210' });
    view.setProps(props);
    expect(vi.mocked(qrMatrix.encodeQr).mock.calls.map(([text]) => text)).toEqual(['HC1:0123456789', 'HC1:9876543210', 'HC1:0123456789']);
  });
});
