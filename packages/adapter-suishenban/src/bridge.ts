/** What every bridge callback receives: the API's result fields, or `error` on failure. */
export interface BridgeResult {
  /** Absent or 0 on success; see the error table in docs/hosts/suishenban.md. */
  error?: number;
  errorMessage?: string;
  [field: string]: unknown;
}

/**
 * The JSBridge a Suishenban-style super-app injects into its web views, shaped like the
 * mPaaS `AlipayJSBridge` these apps are built on: one `call` entry point plus events.
 */
export interface SuishenbanBridge {
  call(api: string, params: Record<string, unknown>, callback: (result: BridgeResult) => void): void;
  /** Subscribes to a bridge event such as `userCaptureScreen`. */
  on?(event: string, listener: () => void): void;
  off?(event: string, listener: () => void): void;
}

/** A DOM canvas element as far as the adapter needs it. */
export interface CanvasElementLike {
  width: number;
  height: number;
  clientWidth: number;
  clientHeight: number;
  getContext(type: '2d'): unknown;
}

/** Options of `suishenbanHost`. */
export interface SuishenbanHostOptions {
  /** The bridge, or a function returning it once the app has injected it. */
  bridge: SuishenbanBridge | (() => SuishenbanBridge | undefined);
  /**
   * Calls `onReady` when the bridge has been injected (e.g. on the `SuishenbanJSBridgeReady`
   * document event). Used only while the bridge is absent; without it the adapter polls.
   */
  whenReady?: (onReady: () => void) => void;
  /** How long calls wait in the queue for the bridge; default 5000 ms. */
  readyTimeoutMs?: number;
  /** The web view's DOM, for `canvas`; without it the host offers no canvas. */
  dom?: {
    querySelector(selector: string): CanvasElementLike | null;
    devicePixelRatio?: number;
  };
}

/** Per-key storage limit of the bridge's `setStorage`: 128 KB. */
export const SUISHENBAN_MAX_VALUE_BYTES = 128 * 1024;

/** Host name the adapter reports and its errors carry. */
export const SUISHENBAN = 'suishenban';
