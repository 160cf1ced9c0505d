import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as core from '@healthcode/core';
import { statusStyle } from '@healthcode/core/render';
import { alipayHost, type MyLike } from '@healthcode/adapter-alipay';
import { createRecordingCanvas, type RecordingCanvas } from '@healthcode/mock-host';
import { conformanceServer } from '@healthcode/test-utils';
import { mountAlipayComponent } from './fake-component-runtime.js';
import { createFakeMy } from './fake-my.js';

const here = dirname(fileURLToPath(import.meta.url));
const componentJs = join(here, '../miniprogram/components/health-code/health-code.js');
const runtime = createRequire(import.meta.url)('../miniprogram/lib/runtime.js') as { configure(overrides: object): void };

const green = { qrText: 'HCODE2:alipay-one', name: '李*四', status: 'green', expiresAt: '2026-03-01T09:00:00Z' };

describe('<health-code> Alipay component', () => {
  let canvas: RecordingCanvas;
  let fake: ReturnType<typeof createFakeMy>;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-03-01T08:00:00Z'));
    canvas = createRecordingCanvas();
    fake = createFakeMy(conformanceServer);
    runtime.configure({ core, host: alipayHost({ my: fake.my as MyLike }) });
  });

  afterEach(() => vi.useRealTimers());

  async function mount(props: Record<string, unknown>) {
    const node = { width: 300, height: 150, getContext: () => canvas };
    // The canvas id carries the instance's $id, unique per page.
    fake.canvases.set('#hc-canvas-42', { node, width: 300, height: 380 });
    const mounted = mountAlipayComponent(componentJs, props, 42);
    await vi.advanceTimersByTimeAsync(0);
    return { mounted, node };
  }

  it('draws on the instance’s own Canvas 2D node at the window pixel ratio', async () => {
    fake.script.setPixelRatio(2);
    const { mounted, node } = await mount(green);
    expect([node.width, node.height]).toEqual([600, 760]);
    expect(mounted.instance.data).toMatchObject({ statusLabel: '绿码', error: '', status: 'green' });
    expect(canvas.operations.some((o) => o.fillStyle === statusStyle('green').color)).toBe(true);
  });

  it('ticks the clock each second', async () => {
    const { mounted } = await mount(green);
    const first = mounted.instance.data.clock;
    await vi.advanceTimersByTimeAsync(1000);
    expect(mounted.instance.data.clock).not.toBe(first);
    expect(canvas.texts()).toContain(mounted.instance.data.clock);
  });

  it('redraws when props change, and not when unrelated props change', async () => {
    const { mounted } = await mount(green);
    const before = canvas.operations.length;
    mounted.setProps({ refreshing: true });
    expect(canvas.operations.length).toBe(before);
    expect(mounted.instance.data.refreshing).toBe(true);
    mounted.setProps({ qrText: 'HCODE2:alipay-two', status: 'yellow' });
    expect(mounted.instance.data.statusLabel).toBe('黄码');
    expect(canvas.operations.length).toBeGreaterThan(before);
  });

  it('calls the onRefresh prop when the button is tapped', async () => {
    const onRefresh = vi.fn();
    const { mounted } = await mount({ ...green, onRefresh });
    mounted.trigger('onRefreshTap');
    expect(onRefresh).toHaveBeenCalledOnce();
  });

  it('stops ticking after unmount', async () => {
    const { mounted } = await mount(green);
    mounted.unmount();
    const count = canvas.operations.length;
    await vi.advanceTimersByTimeAsync(3000);
    expect(canvas.operations.length).toBe(count);
  });
});
