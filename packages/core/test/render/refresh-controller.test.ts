import { describe, expect, it } from 'vitest';
import { createRefreshController } from '@healthcode/core';
import { type CodeTicket, type RefreshSnapshot, type TimerApi } from '@healthcode/core/render';

/** A manual clock and timer queue: time moves only when the test says so. */
class FakeTime implements TimerApi {
  ms = Date.parse('2026-11-27T06:00:00Z');
  private timers = new Map<number, { at: number; run: () => void }>();
  private nextId = 1;

  now = (): Date => new Date(this.ms);

  setTimeout(run: () => void, delay: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.ms + delay, run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number[] {
    return [...this.timers.values()].map((t) => t.at - this.ms).sort((a, b) => a - b);
  }

  /** Advances the clock, firing due timers in order and letting promises settle after each. */
  async advance(delta: number): Promise<void> {
    const end = this.ms + delta;
    for (;;) {
      await settle();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.ms = due[1].at;
      due[1].run();
    }
    this.ms = end;
    await settle();
  }
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function ticket(time: FakeTime, n: number): CodeTicket {
  return { qrText: `HCODE2:${n}`, refreshAfter: new Date(time.ms + 240_000), expiresAt: new Date(time.ms + 300_000) };
}

function setup(fetchImpl: (time: FakeTime, call: number) => Promise<CodeTicket>, extra: Partial<Parameters<typeof createRefreshController>[0]> = {}) {
  const time = new FakeTime();
  const states: RefreshSnapshot['state'][] = [];
  const stale: RefreshSnapshot[] = [];
  let calls = 0;
  const controller = createRefreshController({
    fetchCode: () => fetchImpl(time, ++calls),
    now: time.now,
    timers: time,
    random: () => 1,
    onUpdate: (s) => states.push(s.state),
    onStale: (s) => stale.push(s),
    ...extra,
  });
  return { time, controller, states, stale, calls: () => calls };
}

describe('createRefreshController', () => {
  it('fetches on start, then again when refreshAfter arrives', async () => {
    const { time, controller, states, calls } = setup(async (t, n) => ticket(t, n));
    await controller.start();
    expect(controller.snapshot()).toMatchObject({ state: 'fresh', code: { qrText: 'HCODE2:1' } });
    expect(states).toEqual(['refreshing', 'fresh']);
    await time.advance(239_999);
    expect(calls()).toBe(1);
    await time.advance(1);
    expect(calls()).toBe(2);
    expect(controller.snapshot().code?.qrText).toBe('HCODE2:2');
    controller.stop();
  });

  it('keeps an initial code until its refreshAfter without fetching', async () => {
    const time0 = new FakeTime();
    const { time, controller, calls } = setup(async (t, n) => ticket(t, n), { initial: ticket(time0, 0) });
    await controller.start();
    expect(calls()).toBe(0);
    expect(controller.snapshot()).toMatchObject({ state: 'fresh', code: { qrText: 'HCODE2:0' } });
    await time.advance(240_000);
    expect(calls()).toBe(1);
    controller.stop();
  });

  it('goes stale when offline, retries with doubling backoff, and expires when the code lapses', async () => {
    let online = true;
    const { time, controller, stale, calls } = setup(async (t, n) => {
      if (!online) throw new Error('offline');
      return ticket(t, n);
    });
    await controller.start();
    online = false;
    await time.advance(240_000);
    expect(controller.snapshot()).toMatchObject({ state: 'stale', failures: 1 });
    expect(stale.map((s) => s.state)).toEqual(['stale']);
    expect(time.pending[0]).toBe(2_000);
    await time.advance(2_000);
    expect(time.pending[0]).toBe(4_000);
    await time.advance(4_000);
    expect(time.pending[0]).toBe(8_000);
    expect(calls()).toBe(4);
    await time.advance(60_000);
    expect(controller.snapshot().state).toBe('expired');
    expect(stale.map((s) => s.state)).toEqual(['stale', 'expired']);
    online = true;
    await time.advance(60_000);
    expect(controller.snapshot()).toMatchObject({ state: 'fresh', failures: 0 });
    controller.stop();
  });

  it('caps the backoff at retry.maxMs', async () => {
    const { time, controller } = setup(async () => Promise.reject(new Error('down')), { retry: { initialMs: 1_000, maxMs: 5_000 } });
    await controller.start();
    for (let i = 0; i < 6; i++) await time.advance(time.pending[0] ?? 0);
    expect(time.pending[0]).toBe(5_000);
    expect(controller.snapshot().state).toBe('expired');
    controller.stop();
  });

  it('treats a malformed ticket from fetchCode as a failure', async () => {
    const { controller } = setup(async () => ({ qrText: 'HCODE2:1', expiresAt: 'soon' }) as unknown as CodeTicket);
    await controller.start();
    expect(controller.snapshot()).toMatchObject({ state: 'expired', failures: 1, lastError: { code: 'render/invalid_input' } });
    controller.stop();
  });

  it('joins a fetch already in flight instead of starting another', async () => {
    let release: (t: CodeTicket) => void = () => {};
    const { time, controller, calls } = setup((t, n) => new Promise((r) => (release = () => r(ticket(t, n)))));
    const first = controller.start();
    const second = controller.refreshNow();
    expect(controller.snapshot().state).toBe('refreshing');
    release(ticket(time, 1));
    await Promise.all([first, second]);
    expect(calls()).toBe(1);
    controller.stop();
  });

  it('reports host screenshots and unsubscribes and cancels everything on stop', async () => {
    const listeners = new Set<() => void>();
    const screenshots: RefreshSnapshot[] = [];
    const { time, controller, calls } = setup(async (t, n) => ticket(t, n), {
      screenshot: {
        onScreenshot(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      onScreenshot: (s) => screenshots.push(s),
    });
    await controller.start();
    await time.advance(1_000);
    for (const l of listeners) l();
    expect(screenshots).toHaveLength(1);
    expect(screenshots[0]?.lastScreenshotAt).toEqual(time.now());
    controller.stop();
    expect(listeners.size).toBe(0);
    expect(time.pending).toEqual([]);
    await time.advance(600_000);
    expect(calls()).toBe(1);
  });

  it('ignores a fetch that completes after stop', async () => {
    let release: () => void = () => {};
    const updates: string[] = [];
    const { time, controller } = setup((t, n) => new Promise((r) => (release = () => r(ticket(t, n)))), {
      onUpdate: (s) => updates.push(s.state),
    });
    const started = controller.start();
    controller.stop();
    release();
    await started;
    expect(updates).toEqual(['refreshing']);
    expect(time.pending).toEqual([]);
  });
});
