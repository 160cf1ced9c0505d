import { asHostError, schedule } from '@healthcode/core/host/kit';
import { HostError } from '@healthcode/core';
import { SUISHENBAN, type BridgeResult, type SuishenbanBridge, type SuishenbanHostOptions } from './bridge.js';
import { toSuishenbanError } from './errors.js';

/** Calls one bridge API; resolves with its result fields, rejects with `HostError`. */
export type BridgeCall = <R = BridgeResult>(api: string, params?: Record<string, unknown>) => Promise<R>;

/** The gated bridge: `call` for APIs; `current` and `ready` for the bridge object itself (events). */
export interface BridgeGate {
  call: BridgeCall;
  /** The bridge if injected already. */
  current(): SuishenbanBridge | undefined;
  /** Resolves with the bridge once injected; rejects with `timeout`. */
  ready(): Promise<SuishenbanBridge>;
}

const POLL_MS = 50;

/**
 * Wraps the bridge in a ready gate. The bridge is ready as soon as it exists; until then
 * calls queue, released by `whenReady` (or by polling when there is none), and fail with
 * `timeout` after `readyTimeoutMs`. A later call tries again.
 */
export function createBridgeGate(options: SuishenbanHostOptions): BridgeGate {
  const lookup = (): SuishenbanBridge | undefined =>
    typeof options.bridge === 'function' ? options.bridge() : options.bridge;
  const timeoutMs = options.readyTimeoutMs ?? 5000;
  let pending: Promise<SuishenbanBridge> | undefined;

  const ready = (): Promise<SuishenbanBridge> => {
    const bridge = lookup();
    if (bridge) return Promise.resolve(bridge);
    pending ??= new Promise<SuishenbanBridge>((resolve, reject) => {
      let stopPolling = (): void => {};
      const settle = (outcome: () => void) => {
        cancelTimeout();
        stopPolling();
        pending = undefined;
        outcome();
      };
      const check = (): boolean => {
        const found = lookup();
        if (found) settle(() => resolve(found));
        return found !== undefined;
      };
      const cancelTimeout = schedule(() => {
        const message = `bridge not ready within ${timeoutMs} ms`;
        settle(() => reject(new HostError('host/timeout', message, { host: SUISHENBAN, raw: { readyTimeoutMs: timeoutMs } })));
      }, timeoutMs);
      if (options.whenReady) {
        options.whenReady(() => void check());
      } else {
        const poll = (): void => {
          if (!check()) stopPolling = schedule(poll, POLL_MS);
        };
        stopPolling = schedule(poll, POLL_MS);
      }
    });
    return pending;
  };

  const call = async <R>(api: string, params: Record<string, unknown> = {}) => {
    let bridge: SuishenbanBridge;
    try {
      bridge = await ready();
    } catch (error) {
      throw asHostError(SUISHENBAN, error); // e.g. a bridge getter that throws
    }
    return new Promise<R>((resolve, reject) => {
      try {
        bridge.call(api, params, (result) => {
          if (typeof result?.error === 'number' && result.error !== 0) reject(toSuishenbanError(result, api));
          else resolve(result as R);
        });
      } catch (raw) {
        reject(toSuishenbanError(raw, api));
      }
    });
  };
  return { call, current: lookup, ready };
}
