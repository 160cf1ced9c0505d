import { withoutUndefined } from '@healthcode/core/host/kit';
import { type Host } from '@healthcode/core';
import { SUISHENBAN, type SuishenbanHostOptions } from './bridge.js';
import {
  suishenbanCanvas,
  suishenbanIdentity,
  suishenbanLocation,
  suishenbanRequest,
  suishenbanScan,
  suishenbanScreen,
  suishenbanScreenshot,
  suishenbanStorage,
  suishenbanSystem,
  suishenbanUI,
} from './capabilities.js';
import { createBridgeGate } from './gate.js';

/**
 * A `Host` over a Suishenban-style JSBridge. Calls made before the bridge is injected
 * wait for it (see `readyTimeoutMs`); an API the app lacks answers error 2, `unsupported`.
 *
 * ```ts
 * const host = suishenbanHost({ bridge: window.SuishenbanJSBridge });
 * ```
 */
export function suishenbanHost(options: SuishenbanHostOptions): Host {
  const gate = createBridgeGate(options);
  const { call } = gate;
  return withoutUndefined({
    name: SUISHENBAN,
    identity: suishenbanIdentity(call),
    storage: suishenbanStorage(call),
    request: suishenbanRequest(call),
    scan: suishenbanScan(call),
    canvas: suishenbanCanvas(options.dom),
    ui: suishenbanUI(call),
    screen: suishenbanScreen(call),
    screenshot: suishenbanScreenshot(gate),
    system: suishenbanSystem(call),
    location: suishenbanLocation(call),
  });
}
