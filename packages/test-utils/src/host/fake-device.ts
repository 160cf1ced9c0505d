import type { HostScript, ScriptedFailure, ScriptedOperation } from './harness.js';

/**
 * The device state every platform fake keeps, whatever its API shape: queued scans and
 * confirm answers, armed failures, location, pixel ratio, brightness, screenshot listeners.
 * A fake reads it and answers in its host's own format.
 */
export interface FakeDevice {
  location: { latitude: number; longitude: number };
  pixelRatio: number;
  brightness: number;
  keepScreenOn: boolean;
  readonly scans: string[];
  readonly confirms: boolean[];
  readonly screenshotListeners: Set<() => void>;
  /** The failure armed for `operation`, disarming it. */
  takeFailure(operation: ScriptedOperation): ScriptedFailure | undefined;
}

/** Creates fresh device state and the conformance script that drives it. */
export function createFakeDevice(): { device: FakeDevice; script: HostScript } {
  const failures = new Map<ScriptedOperation, ScriptedFailure>();
  const device: FakeDevice = {
    location: { latitude: 39.9042, longitude: 116.4074 },
    pixelRatio: 2,
    brightness: 0.5,
    keepScreenOn: false,
    scans: [],
    confirms: [],
    screenshotListeners: new Set(),
    takeFailure(operation) {
      const failure = failures.get(operation);
      failures.delete(operation);
      return failure;
    },
  };
  const script: HostScript = {
    queueScan: (text) => void device.scans.push(text),
    failNext: (operation, failure) => void failures.set(operation, failure),
    answerNextConfirm: (confirmed) => void device.confirms.push(confirmed),
    takeScreenshot: () => [...device.screenshotListeners].forEach((listener) => listener()),
    setLocation: (latitude, longitude) => void (device.location = { latitude, longitude }),
    setPixelRatio: (ratio) => void (device.pixelRatio = ratio),
  };
  return { device, script };
}

/** A Canvas 2D node like the one `fields({ node: true })` returns, recording `scale` calls. */
export interface FakeCanvasNode {
  width: number;
  height: number;
  readonly scaled: [number, number][];
  getContext(type: '2d'): { scale(x: number, y: number): void; fillStyle: unknown; fillRect(): void };
}

/** What a selector query answers for a canvas: its node (absent for a legacy canvas) and size. */
export interface FakeCanvasFields {
  node?: { width: number; height: number; getContext(type: '2d'): unknown };
  width: number;
  height: number;
}

/** Creates a {@link FakeCanvasNode} with the default 300 × 150 backing store. */
export function fakeCanvasNode(): FakeCanvasNode {
  const scaled: [number, number][] = [];
  const context = { scale: (x: number, y: number) => void scaled.push([x, y]), fillStyle: '#000' as unknown, fillRect() {} };
  return { width: 300, height: 150, scaled, getContext: () => context };
}

/**
 * A fake `createSelectorQuery()` that answers `select(sel).fields(…).exec(cb)` from
 * `canvases`, asynchronously like the hosts.
 */
export function fakeSelectorQuery(canvases: Map<string, FakeCanvasFields>) {
  return () => {
    let selector = '';
    const query = {
      in: () => query,
      select: (s: string) => ((selector = s), query),
      fields: () => query,
      exec(callback: (results: unknown[]) => void) {
        void Promise.resolve().then(() => callback([canvases.get(selector) ?? null]));
        return query;
      },
    };
    return query;
  };
}

/** The callbacks a fake `success`/`fail`/`complete` API receives. */
export type FakeCallbacks = {
  success?: (result: any) => void;
  fail?: (error: any) => void;
  complete?: (result: any) => void;
};
