/**
 * `@healthcode/adapter-suishenban`: the HealthCode `Host` for government super-apps
 * ("Suishenban") whose web views expose an mPaaS-style JSBridge.
 *
 * @packageDocumentation
 */
export { suishenbanHost } from './suishenban-host.js';
export { suishenbanHostDefinition, registerSuishenbanHost } from './definition.js';
export { bridgeOptionsFromWindow, BRIDGE_GLOBAL, BRIDGE_READY_EVENT } from './window.js';
export { toSuishenbanError, SUISHENBAN_ERROR_CODES } from './errors.js';
export {
  SUISHENBAN_MAX_VALUE_BYTES,
  type SuishenbanBridge,
  type SuishenbanHostOptions,
  type BridgeResult,
  type CanvasElementLike,
} from './bridge.js';
