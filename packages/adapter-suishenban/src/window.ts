import type { SuishenbanBridge, SuishenbanHostOptions } from './bridge.js';

/** Name of the global the app injects the bridge as. */
export const BRIDGE_GLOBAL = 'SuishenbanJSBridge';
/** Document event the app fires once the bridge is injected. */
export const BRIDGE_READY_EVENT = 'SuishenbanJSBridgeReady';

interface WindowLike {
  SuishenbanJSBridge?: SuishenbanBridge;
  devicePixelRatio?: number;
  document?: {
    addEventListener(type: string, listener: () => void, options?: { once?: boolean }): void;
    querySelector(selector: string): unknown;
  };
}

/**
 * Options that find the bridge on a web view's `window`: the `SuishenbanJSBridge` global,
 * the `SuishenbanJSBridgeReady` event, and the DOM for canvas. Pass to `suishenbanHost`.
 */
export function bridgeOptionsFromWindow(win: unknown = globalThis): SuishenbanHostOptions {
  const w = win as WindowLike;
  const doc = w.document;
  return {
    bridge: () => w.SuishenbanJSBridge,
    ...(doc && {
      whenReady: (onReady: () => void) => doc.addEventListener(BRIDGE_READY_EVENT, onReady, { once: true }),
      dom: {
        querySelector: (selector: string) =>
          doc.querySelector(selector) as ReturnType<NonNullable<SuishenbanHostOptions['dom']>['querySelector']>,
        devicePixelRatio: w.devicePixelRatio ?? 1,
      },
    }),
  };
}
