/**
 * The seam between HealthCode and the super-app it runs in. Every capability is
 * optional: a host that lacks one leaves it undefined, and callers check before use
 * (`if (host.scan) …`). All methods return promises and reject only with `HostError`.
 */
export interface Host {
  /** Stable name of the host family, e.g. `wechat`, `alipay`, `suishenban`, `mock`. */
  readonly name: string;
  readonly identity?: HostIdentity;
  readonly storage?: HostStorage;
  readonly request?: HostRequest;
  readonly scan?: HostScan;
  readonly canvas?: HostCanvas;
  readonly ui?: HostUI;
  readonly screen?: HostScreen;
  readonly screenshot?: HostScreenshotEvents;
  readonly system?: HostSystem;
  readonly location?: HostLocation;
}

/** Identity the host has already verified. */
export interface HostIdentity {
  /** A one-time code the service exchanges with the host platform for the user's identity. */
  getAuthCode(options?: { scopes?: string[] }): Promise<{ code: string }>;
  /** Real-name verification, where the host offers it; resolves to a one-time ticket for the service. */
  verifyRealName?(options?: { reason?: string }): Promise<{ ticket: string }>;
}

/** JSON value storage, per user, per app. */
export interface HostStorage {
  /** Largest serialised value (in bytes of UTF-8 JSON) the host accepts for one key. */
  readonly maxValueBytes: number;
  /** Resolves to `undefined` when the key is absent. */
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** Rejects with `HostError` code `too_large` when the value exceeds `maxValueBytes`. */
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** HTTP methods a host request may use (some hosts lack `PATCH`: their adapters reject it as `unsupported`). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP request, as the client hands it to the host. */
export interface HostRequestOptions {
  url: string;
  method?: HttpMethod;
  /** Header names are sent as given. */
  headers?: Record<string, string>;
  /** Serialised as JSON when not a string. */
  body?: unknown;
  /** Milliseconds; the host's own default when omitted. */
  timeoutMs?: number;
}

/**
 * A normalised HTTP response. Any status, 2xx or not, is a response; only a failure
 * to get one (network, timeout) rejects.
 */
export interface HostResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, else the text. */
  body: unknown;
}

/** The host's HTTP transport (`wx.request`, `my.request`, the bridge's `httpRequest`, `fetch`). */
export type HostRequest = (options: HostRequestOptions) => Promise<HostResponse>;

/** The host's QR scanner. */
export interface HostScan {
  /** Opens the host's scanner; resolves with the decoded text of one QR code. */
  scanQRCode(options?: { onlyFromCamera?: boolean }): Promise<{ text: string }>;
}

/**
 * Minimal 2D drawing surface, satisfied by a browser `CanvasRenderingContext2D`, a
 * mini-program Canvas 2D context, and the legacy `createCanvasContext` API (which
 * additionally needs `draw()`).
 */
export interface Canvas2DLike {
  fillStyle: unknown;
  fillRect(x: number, y: number, w: number, h: number): void;
  clearRect?(x: number, y: number, w: number, h: number): void;
  save?(): void;
  restore?(): void;
  scale?(x: number, y: number): void;
  font?: string;
  textAlign?: string;
  textBaseline?: string;
  fillText?(text: string, x: number, y: number): void;
  beginPath?(): void;
  arc?(x: number, y: number, r: number, start: number, end: number): void;
  fill?(): void;
  /** Legacy mini-program contexts only: flush queued drawing. */
  draw?(reserve?: boolean, callback?: () => void): void;
}

/** A canvas ready to draw on, already scaled so that one unit is one logical pixel. */
export interface HostCanvasTarget {
  context: Canvas2DLike;
  /** Size in CSS / rpx-independent logical pixels. */
  width: number;
  height: number;
  /** Device pixels per logical pixel the context was scaled by. */
  pixelRatio: number;
}

/** Access to canvases on the current page, for drawing the code. */
export interface HostCanvas {
  /**
   * Finds a canvas on the current page by selector or id and prepares it for drawing:
   * the backing store is sized to `width * pixelRatio` and the context scaled, so callers
   * draw in logical pixels.
   *
   * @param options.scope - the component instance, on hosts whose selector queries are
   *   scoped to a component (the `this` of a WeChat or Alipay custom component)
   */
  getCanvas(selector: string, options?: { scope?: unknown }): Promise<HostCanvasTarget>;
}

/** The host's native feedback: toasts, confirmation dialogs, loading indicators. */
export interface HostUI {
  toast(options: { title: string; icon?: 'success' | 'error' | 'loading' | 'none'; durationMs?: number }): Promise<void>;
  /** Resolves `true` when the user confirmed. */
  confirm(options: { title: string; content: string; confirmText?: string; cancelText?: string }): Promise<boolean>;
  showLoading(options: { title: string }): Promise<void>;
  hideLoading(): Promise<void>;
}

/** Screen controls a code page wants: full brightness for scanners, and no sleep while shown. */
export interface HostScreen {
  /** 0 to 1. */
  getBrightness(): Promise<number>;
  setBrightness(value: number): Promise<void>;
  setKeepScreenOn(on: boolean): Promise<void>;
}

/** The host's screenshot notification, used to warn that a screenshot is not a valid code. */
export interface HostScreenshotEvents {
  /** Calls `listener` whenever the user takes a screenshot; returns a function that unsubscribes. */
  onScreenshot(listener: () => void): () => void;
}

/** What the renderer and the form need to know about the device, normalised across hosts. */
export interface HostSystemInfo {
  pixelRatio: number;
  platform: string;
  /** BCP 47, e.g. `zh-CN`, `en`. */
  language: string;
  screenWidth: number;
  screenHeight: number;
}

/** Device and locale information. */
export interface HostSystem {
  getSystemInfo(): Promise<HostSystemInfo>;
}

/** Location, where the host offers it and the user allows it. */
export interface HostLocation {
  /** WGS-84 degrees, numbers whatever the host returns. */
  getLocation(): Promise<{ latitude: number; longitude: number; accuracy?: number }>;
}
