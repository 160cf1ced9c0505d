import { registerHost, type HostDefinition } from '@healthcode/core/host/kit';
import { SUISHENBAN, type SuishenbanHostOptions } from './bridge.js';
import { suishenbanHost } from './suishenban-host.js';
import { BRIDGE_GLOBAL, bridgeOptionsFromWindow } from './window.js';

/**
 * The Suishenban registry entry: detects the `SuishenbanJSBridge` global; `create` uses the
 * given options, else finds the bridge on the global window.
 */
export const suishenbanHostDefinition: HostDefinition<Partial<SuishenbanHostOptions>> = {
  name: SUISHENBAN,
  detect: () => typeof (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] === 'object',
  create: (options) => suishenbanHost({ ...bridgeOptionsFromWindow(), ...options }),
};

/** Registers Suishenban so `createHost('suishenban')` and `createHost('auto')` can build it. */
export function registerSuishenbanHost(): void {
  registerHost(suishenbanHostDefinition);
}
