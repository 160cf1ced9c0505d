import {
  createHostRequest,
  createJsonStorage,
  delay as realDelay,
  type HostCapability,
  type PreparedRequest,
  type RawResponse,
} from '@healthcode/core/host/kit';
import { HostError, type Host, type HostCanvasTarget, type HostErrorCode, type HostSystemInfo } from '@healthcode/core';
import { globalFetch, sendWithFetch, type FetchLike } from './fetch-send.js';
import { createRecordingCanvas } from './recording-canvas.js';

/** Every operation of the mock host, as recorded in `calls` and targeted by `failNext`. */
export type MockOperation =
  | 'identity.getAuthCode'
  | 'identity.verifyRealName'
  | 'storage.get'
  | 'storage.set'
  | 'storage.remove'
  | 'request'
  | 'scan.scanQRCode'
  | 'canvas.getCanvas'
  | 'ui.toast'
  | 'ui.confirm'
  | 'ui.showLoading'
  | 'ui.hideLoading'
  | 'screen.getBrightness'
  | 'screen.setBrightness'
  | 'screen.setKeepScreenOn'
  | 'system.getSystemInfo'
  | 'location.getLocation';

/** One recorded call. */
export interface MockCall {
  operation: MockOperation;
  args: unknown[];
}

/** Options of {@link mockHost}; every field is optional. */
export interface MockHostOptions {
  /** Host name; default `mock`. */
  name?: string;
  /** Answers requests directly, bypassing fetch. Wins over `fetch`. */
  handler?: (request: PreparedRequest) => RawResponse | Promise<RawResponse>;
  /** The fetch to send requests through; default `globalThis.fetch` (so msw intercepts it). */
  fetch?: FetchLike;
  /** Milliseconds every operation waits before answering, or a function per operation. Default 0. */
  latencyMs?: number | ((operation: MockOperation) => number);
  /** How to wait; inject fake timers or an instant resolver. Default: real timers. */
  delay?: (ms: number) => Promise<void>;
  /** Auth codes `getAuthCode` hands out, one per call; default `mock-auth-1`, `mock-auth-2`, … */
  authCode?: () => string;
  /** Per-key storage limit in bytes; default 1 MiB. */
  maxValueBytes?: number;
  /** Overrides of the reported system info. */
  systemInfo?: Partial<HostSystemInfo>;
  /** Initial location; default central Shanghai. */
  location?: { latitude: number; longitude: number; accuracy?: number };
  /** Initial brightness, 0 to 1; default 0.5. */
  brightness?: number;
  /** Capabilities to leave out, to test code paths for hosts that lack them. */
  without?: HostCapability[];
}

/** Observable state of the simulated device. */
export interface MockHostState {
  brightness: number;
  keepScreenOn: boolean;
  /** Raw stored JSON text per key. */
  readonly storage: Map<string, string>;
  /** Titles of toasts shown, in order. */
  readonly toasts: string[];
  loading: boolean;
  location: { latitude: number; longitude: number; accuracy?: number };
  systemInfo: HostSystemInfo;
}

/** An in-memory `Host` that tests and demos can script and inspect. */
export interface MockHost extends Host {
  /** Every call, in order. */
  readonly calls: MockCall[];
  readonly state: MockHostState;
  /** Queues texts the next scans resolve with, in order. A scan with none queued is `cancelled`. */
  queueScan(...texts: string[]): void;
  /** The next call of `operation` rejects with `HostError(code)`. */
  failNext(operation: MockOperation, code: HostErrorCode, message?: string): void;
  /** Queues answers for the next confirm dialogs; unanswered dialogs are confirmed. */
  queueConfirm(...answers: boolean[]): void;
  /** Simulates the user taking a screenshot. */
  takeScreenshot(): void;
  /** Calls of one operation. */
  callsOf(operation: MockOperation): MockCall[];
}

/**
 * Creates an in-memory host. Nothing leaves the process except requests, which go to
 * `options.handler`, else `options.fetch`, else the global `fetch`.
 *
 * ```ts
 * const host = mockHost();
 * host.queueScan('HCODE2:…');
 * await host.scan.scanQRCode(); // { text: 'HCODE2:…' }
 * ```
 */
export function mockHost(options: MockHostOptions = {}): MockHost & Required<Omit<Host, 'name'>> {
  const name = options.name ?? 'mock';
  const wait = options.delay ?? realDelay;
  const calls: MockCall[] = [];
  const failures = new Map<MockOperation, HostError[]>();
  const scans: string[] = [];
  const confirms: boolean[] = [];
  const listeners = new Set<() => void>();
  let authCount = 0;
  const state: MockHostState = {
    brightness: options.brightness ?? 0.5,
    keepScreenOn: false,
    storage: new Map(),
    toasts: [],
    loading: false,
    location: options.location ?? { latitude: 31.2304, longitude: 121.4737, accuracy: 30 },
    systemInfo: {
      pixelRatio: 2,
      platform: 'mock',
      language: 'zh-CN',
      screenWidth: 375,
      screenHeight: 812,
      ...options.systemInfo,
    },
  };

  /** Records the call, waits the scripted latency, then fails if scripted, else runs. */
  async function perform<T>(operation: MockOperation, args: unknown[], run: () => T | Promise<T>): Promise<T> {
    calls.push({ operation, args });
    const latency = typeof options.latencyMs === 'function' ? options.latencyMs(operation) : options.latencyMs ?? 0;
    if (latency > 0) await wait(latency);
    const failure = failures.get(operation)?.shift();
    if (failure) throw failure;
    return run();
  }

  const send = options.handler
    ? async (request: PreparedRequest) => options.handler!(request)
    : (request: PreparedRequest) => sendWithFetch(name, options.fetch ?? globalFetch(name), request);
  const request = createHostRequest(name, (prepared) => perform('request', [prepared], () => send(prepared)));

  const storage = createJsonStorage({
    host: name,
    maxValueBytes: options.maxValueBytes ?? 1024 * 1024,
    getRaw: (key) => perform('storage.get', [key], () => state.storage.get(key)),
    setRaw: (key, value) => perform('storage.set', [key, value], () => void state.storage.set(key, value)),
    removeRaw: (key) => perform('storage.remove', [key], () => void state.storage.delete(key)),
  });

  const host: MockHost & Required<Omit<Host, 'name'>> = {
    name,
    calls,
    state,
    identity: {
      getAuthCode: (opts) =>
        perform('identity.getAuthCode', [opts], () => ({ code: options.authCode?.() ?? `mock-auth-${++authCount}` })),
      verifyRealName: (opts) =>
        perform('identity.verifyRealName', [opts], () => ({ ticket: `mock-real-name-${++authCount}` })),
    },
    storage,
    request,
    scan: {
      scanQRCode: (opts) =>
        perform('scan.scanQRCode', [opts], () => {
          const text = scans.shift();
          if (text === undefined) {
            throw new HostError('host/cancelled', 'no scan result queued', { host: name, raw: { reason: 'empty queue' } });
          }
          return { text };
        }),
    },
    canvas: {
      getCanvas: (selector, opts) =>
        perform('canvas.getCanvas', [selector, opts], (): HostCanvasTarget => {
          const context = createRecordingCanvas();
          const { pixelRatio } = state.systemInfo;
          context.scale?.(pixelRatio, pixelRatio);
          return { context, width: 300, height: 300, pixelRatio };
        }),
    },
    ui: {
      toast: (opts) => perform('ui.toast', [opts], () => void state.toasts.push(opts.title)),
      confirm: (opts) => perform('ui.confirm', [opts], () => confirms.shift() ?? true),
      showLoading: (opts) => perform('ui.showLoading', [opts], () => void (state.loading = true)),
      hideLoading: () => perform('ui.hideLoading', [], () => void (state.loading = false)),
    },
    screen: {
      getBrightness: () => perform('screen.getBrightness', [], () => state.brightness),
      setBrightness: (value) =>
        perform('screen.setBrightness', [value], () => void (state.brightness = Math.min(1, Math.max(0, value)))),
      setKeepScreenOn: (on) => perform('screen.setKeepScreenOn', [on], () => void (state.keepScreenOn = on)),
    },
    screenshot: {
      onScreenshot(listener) {
        const wrapped = () => listener();
        listeners.add(wrapped);
        return () => listeners.delete(wrapped);
      },
    },
    system: { getSystemInfo: () => perform('system.getSystemInfo', [], () => ({ ...state.systemInfo })) },
    location: { getLocation: () => perform('location.getLocation', [], () => ({ ...state.location })) },
    queueScan: (...texts) => void scans.push(...texts),
    queueConfirm: (...answers) => void confirms.push(...answers),
    failNext(operation, code, message) {
      const error = new HostError(code, message ?? `scripted ${code} failure of ${operation}`, {
        host: name,
        raw: { scripted: true, operation, code },
      });
      failures.set(operation, [...(failures.get(operation) ?? []), error]);
    },
    takeScreenshot: () => listeners.forEach((listener) => listener()),
    callsOf: (operation) => calls.filter((c) => c.operation === operation),
  };
  for (const capability of options.without ?? []) delete (host as unknown as Record<string, unknown>)[capability];
  return host;
}
