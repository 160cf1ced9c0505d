// @vitest-environment jsdom
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import simulate from 'miniprogram-simulate';
import * as core from '@healthcode/core';
import { statusStyle } from '@healthcode/core/render';
import { wechatHost, type WxLike } from '@healthcode/adapter-wechat';
import { createRecordingCanvas, type RecordingCanvas } from '@healthcode/mock-host';
import { conformanceServer } from '@healthcode/test-utils';
import { createFakeWx } from './fake-wx.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const componentPath = join(here, '../miniprogram/components/health-code/health-code');
const runtime = require('../miniprogram/lib/runtime.js') as { configure(overrides: object): void };

const QR = 'HCODE2:test-code-one';
const NOW = new Date('2026-03-01T08:00:00Z');

describe('<health-code> WeChat component', () => {
  let canvas: RecordingCanvas;
  let scaled: [number, number][];
  let node: { width: number; height: number; getContext(): RecordingCanvas };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(NOW);
    canvas = createRecordingCanvas();
    scaled = [];
    canvas.scale = (x, y) => void scaled.push([x, y]);
    node = { width: 300, height: 150, getContext: () => canvas };
    const fake = createFakeWx(conformanceServer);
    fake.script.setPixelRatio(3);
    fake.canvases.set('#hc-canvas', { node, width: 300, height: 380 });
    runtime.configure({ core, host: wechatHost({ wx: fake.wx as WxLike }), locale: 'zh-CN' });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  async function mount(props: Record<string, unknown>) {
    const id = simulate.load(componentPath, { compiler: 'simulate' });
    const comp = simulate.render(id, props);
    comp.attach(document.createElement('parent-wrapper'));
    // Let the fake selector query answer and the canvas be prepared.
    await vi.advanceTimersByTimeAsync(0);
    return comp;
  }

  const green = { qrText: QR, name: '张*三', documentTail: '1234', status: 'green', expiresAt: '2026-03-01T09:00:00Z' };

  it('prepares the Canvas 2D node at the device pixel ratio', async () => {
    await mount(green);
    expect([node.width, node.height]).toEqual([900, 1140]);
    expect(scaled).toEqual([[3, 3]]);
  });

  it('shows the status label and draws the code with its status', async () => {
    const comp = await mount(green);
    expect(comp.querySelector('.hc-status')!.dom!.textContent).toBe('绿码');
    expect(comp.querySelector('.hc-status')!.dom!.className).toContain('hc-status--green');
    expect(canvas.operations.filter((o) => o.op === 'fillRect').length).toBeGreaterThan(20);
    expect(canvas.operations.some((o) => o.fillStyle === statusStyle('green').color)).toBe(true);
  });

  it('ticks the clock every second and redraws it on the canvas', async () => {
    const comp = await mount(green);
    const clockText = () => comp.querySelector('.hc-clock')!.dom!.textContent;
    const first = clockText();
    const drawsBefore = canvas.texts().length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(clockText()).not.toBe(first);
    expect(canvas.texts().length).toBeGreaterThan(drawsBefore);
    expect(canvas.texts()).toContain(clockText());
  });

  it('redraws when the app passes a new code or status', async () => {
    const comp = await mount(green);
    const before = canvas.operations.length;
    comp.setData({ qrText: 'HCODE2:test-code-two', status: 'red' });
    expect(canvas.operations.length).toBeGreaterThan(before);
    expect(comp.querySelector('.hc-status')!.dom!.textContent).toBe('红码');
    expect(canvas.operations.slice(before).some((o) => o.fillStyle === statusStyle('red').color)).toBe(true);
  });

  it('shows the renderer’s error for an invalid date instead of drawing', async () => {
    const comp = await mount({ ...green, expiresAt: 'not a date' });
    expect(comp.querySelector('.hc-error')!.dom!.textContent).toMatch(/expiresAt/);
  });

  it('explains when the host offers no Canvas 2D', async () => {
    const fake = createFakeWx(conformanceServer);
    runtime.configure({ host: wechatHost({ wx: { ...fake.wx, createSelectorQuery: undefined } as WxLike }) });
    const comp = await mount(green);
    expect(comp.querySelector('.hc-error')!.dom!.textContent).toMatch(/Canvas 2D is not available/);
  });

  it('fires refresh when the button is tapped', async () => {
    const comp = await mount(green);
    const onRefresh = vi.fn();
    // j-component's typings omit addEventListener, which its RootComponent has.
    (comp as unknown as { addEventListener(name: string, handler: () => void): void }).addEventListener('refresh', onRefresh);
    comp.querySelector('.hc-refresh')!.dispatchEvent('tap');
    await vi.advanceTimersByTimeAsync(0);
    expect(onRefresh).toHaveBeenCalledOnce();
  });

  it('stops ticking once detached', async () => {
    const comp = await mount(green);
    comp.detach();
    const count = canvas.operations.length;
    await vi.advanceTimersByTimeAsync(3000);
    expect(canvas.operations.length).toBe(count);
  });
});
