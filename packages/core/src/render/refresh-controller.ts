import type { RefreshState } from './render-model.js';
import { RenderError } from './render-error.js';

/** A code as fetched from the service (`GET /v1/code`). */
export interface CodeTicket {
  qrText: string;
  expiresAt: Date;
  /** When to fetch the next code; before `expiresAt`. */
  refreshAfter: Date;
}

/** The timer functions the controller uses; inject fakes in tests. */
export interface TimerApi {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the controller knows, passed to every callback. */
export interface RefreshSnapshot {
  /**
   * `fresh`: a valid code, nothing pending. `refreshing`: a routine fetch is in flight
   * (the current code, if any, is still valid). `stale`: fetches are failing, the code
   * on screen is still valid but old; retrying. `expired`: no valid code to show.
   */
  state: RefreshState;
  code?: CodeTicket;
  /** Failed fetches since the last success. */
  failures: number;
  lastError?: unknown;
  /** When the next fetch is scheduled, if one is. */
  nextFetchAt?: Date;
  /** When the host last reported a screenshot. */
  lastScreenshotAt?: Date;
}

/** Options of {@link createRefreshController}. */
export interface RefreshControllerOptions {
  fetchCode: () => Promise<CodeTicket>;
  /** A code already on hand; fetched anew at its `refreshAfter`. */
  initial?: CodeTicket;
  now?: () => Date;
  timers?: TimerApi;
  /** Called on every change. */
  onUpdate?: (snapshot: RefreshSnapshot) => void;
  /** Called when the state turns `stale` or `expired`. */
  onStale?: (snapshot: RefreshSnapshot) => void;
  /** The host's screenshot events (`host.screenshot`); each screenshot calls `onScreenshot`. */
  screenshot?: { onScreenshot(listener: () => void): () => void };
  onScreenshot?: (snapshot: RefreshSnapshot) => void;
  /** Backoff after failed fetches: `initialMs * 2^(failures-1)` capped at `maxMs`, times 0.5 to 1 of jitter. */
  retry?: { initialMs?: number; maxMs?: number };
  /** 0 to 1, for the jitter; default `Math.random`. */
  random?: () => number;
}

/** Keeps a fresh code on screen. */
export interface RefreshController {
  /** Subscribes to screenshots and fetches unless `initial` is still fresh; resolves once that settles. Idempotent. */
  start(): Promise<void>;
  /** Fetches now (joins a fetch already in flight). Never rejects; failures go to the snapshot. */
  refreshNow(): Promise<void>;
  /**
   * Cancels timers and the screenshot subscription; later fetch results are ignored.
   * Final: create a new controller to resume.
   */
  stop(): void;
  snapshot(): RefreshSnapshot;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

function defaultTimers(): TimerApi {
  const g = globalThis as unknown as TimerApi;
  return { setTimeout: (cb, ms) => g.setTimeout(cb, ms), clearTimeout: (h) => g.clearTimeout(h) };
}

function checkTicket(t: CodeTicket): CodeTicket {
  const validDate = (d: unknown): boolean => d instanceof Date && Number.isFinite(d.getTime());
  if (!t || typeof t.qrText !== 'string' || !t.qrText || !validDate(t.expiresAt) || !validDate(t.refreshAfter)) {
    throw new RenderError('render/invalid_input', 'fetchCode resolved to something that is not { qrText, expiresAt, refreshAfter }');
  }
  return t;
}

/**
 * Keeps the code on screen fresh: fetches a new one at `refreshAfter`, retries failures
 * with exponential backoff, reports `stale` while offline and `expired` once the code has
 * lapsed, and forwards host screenshot events. Clock and timers are injectable.
 */
export function createRefreshController(opts: RefreshControllerOptions): RefreshController {
  const now = opts.now ?? (() => new Date());
  const timers = opts.timers ?? defaultTimers();
  const random = opts.random ?? Math.random;
  const initialMs = opts.retry?.initialMs ?? 2_000;
  const maxMs = opts.retry?.maxMs ?? 60_000;

  let code = opts.initial ? checkTicket(opts.initial) : undefined;
  let failures = 0;
  let lastError: unknown;
  let lastScreenshotAt: Date | undefined;
  let inFlight: Promise<void> | undefined;
  let fetchTimer: unknown;
  let nextFetchAt: Date | undefined;
  let expiryTimer: unknown;
  let unsubscribe: (() => void) | undefined;
  let started: Promise<void> | undefined;
  let stopped = false;
  /** The last stale/expired state reported to onStale, cleared by a fresh code. */
  let lastBad: RefreshState | undefined;

  // Staleness wins over an in-flight retry, so the banner does not flicker off during retries.
  const state = (): RefreshState => {
    if (!code) return inFlight && failures === 0 ? 'refreshing' : 'expired';
    if (now() >= code.expiresAt) return 'expired';
    if (failures > 0) return 'stale';
    return inFlight ? 'refreshing' : 'fresh';
  };

  const snapshot = (): RefreshSnapshot => ({
    state: state(),
    ...(code ? { code } : {}),
    failures,
    ...(lastError !== undefined ? { lastError } : {}),
    ...(nextFetchAt ? { nextFetchAt } : {}),
    ...(lastScreenshotAt ? { lastScreenshotAt } : {}),
  });

  const emit = (): void => {
    if (stopped) return;
    const snap = snapshot();
    const bad = snap.state === 'stale' || snap.state === 'expired';
    const turnedBad = bad && snap.state !== lastBad;
    if (bad) lastBad = snap.state;
    else if (snap.state === 'fresh') lastBad = undefined;
    opts.onUpdate?.(snap);
    if (turnedBad) opts.onStale?.(snap);
  };

  const later = (at: Date, floorMs: number, run: () => void): unknown =>
    timers.setTimeout(run, Math.min(MAX_TIMER_MS, Math.max(floorMs, at.getTime() - now().getTime())));

  const scheduleFetch = (at: Date, floorMs: number): void => {
    if (fetchTimer !== undefined) timers.clearTimeout(fetchTimer);
    nextFetchAt = new Date(Math.max(at.getTime(), now().getTime() + floorMs));
    fetchTimer = later(at, floorMs, () => {
      fetchTimer = undefined;
      nextFetchAt = undefined;
      void refreshNow();
    });
  };

  const scheduleExpiry = (ticket: CodeTicket): void => {
    if (expiryTimer !== undefined) timers.clearTimeout(expiryTimer);
    expiryTimer = later(ticket.expiresAt, 0, () => {
      expiryTimer = undefined;
      emit();
    });
  };

  const succeed = (ticket: CodeTicket): void => {
    code = checkTicket(ticket);
    failures = 0;
    lastError = undefined;
    // A refreshAfter already past would spin; wait at least the first backoff step.
    scheduleFetch(code.refreshAfter, initialMs);
    scheduleExpiry(code);
  };

  const fail = (err: unknown): void => {
    failures++;
    lastError = err;
    const backoff = Math.min(maxMs, initialMs * 2 ** (failures - 1)) * (0.5 + 0.5 * random());
    scheduleFetch(now(), backoff);
  };

  const refreshNow = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (inFlight) return inFlight;
    if (fetchTimer !== undefined) {
      timers.clearTimeout(fetchTimer);
      fetchTimer = undefined;
      nextFetchAt = undefined;
    }
    const run = (async () => {
      try {
        const ticket = await opts.fetchCode();
        if (!stopped) succeed(ticket);
      } catch (err) {
        if (!stopped) fail(err);
      }
    })();
    inFlight = run.finally(() => {
      inFlight = undefined;
      emit();
    });
    emit();
    return inFlight;
  };

  const start = (): Promise<void> => {
    if (started) return started;
    if (opts.screenshot) {
      unsubscribe = opts.screenshot.onScreenshot(() => {
        if (stopped) return;
        lastScreenshotAt = now();
        opts.onScreenshot?.(snapshot());
        emit();
      });
    }
    if (code && now() < code.refreshAfter) {
      scheduleFetch(code.refreshAfter, 0);
      scheduleExpiry(code);
      emit();
      started = Promise.resolve();
    } else {
      started = refreshNow();
    }
    return started;
  };

  const stop = (): void => {
    stopped = true;
    if (fetchTimer !== undefined) timers.clearTimeout(fetchTimer);
    if (expiryTimer !== undefined) timers.clearTimeout(expiryTimer);
    fetchTimer = expiryTimer = nextFetchAt = undefined;
    unsubscribe?.();
    unsubscribe = undefined;
  };

  return { start, refreshNow, stop, snapshot };
}
