import type { HostError } from './host-error.js';

/** The `success` and `fail` pair a callback-style host API takes. */
export interface CallbackHandlers<S> {
  success(result: S): void;
  fail(error: unknown): void;
}

/**
 * Turns one call of a `success`/`fail`/`complete` style API (`wx.*`, `my.*`, a JSBridge)
 * into a promise. `invoke` spreads the handlers into the host's options, so the host's own
 * typings check the call:
 *
 * ```ts
 * promisifyCallbackApi<WechatMiniprogram.GetStorageSuccessCallbackResult>(
 *   (h) => wx.getStorage({ key, ...h }), toHostError);
 * ```
 *
 * A synchronous throw from the host (e.g. an API missing in an old base library) rejects
 * through `toError` like a `fail`. Only the first of `success`/`fail` counts.
 */
export function promisifyCallbackApi<S>(
  invoke: (handlers: CallbackHandlers<S>) => unknown,
  toError: (raw: unknown) => HostError,
): Promise<S> {
  return new Promise<S>((resolve, reject) => {
    let settled = false;
    const once =
      <A>(settle: (arg: A) => void) =>
      (arg: A): void => {
        if (settled) return;
        settled = true;
        settle(arg);
      };
    const fail = once((raw: unknown) => reject(toError(raw)));
    try {
      invoke({ success: once(resolve), fail });
    } catch (raw) {
      fail(raw);
    }
  });
}
