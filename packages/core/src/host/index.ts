export type * from './host.js';
export { HostError, type HostErrorCode, isHostError, asHostError } from './host-error.js';
export { HOST_CAPABILITIES, type HostCapability, hostCapabilities, requireCapability } from './capabilities.js';
export { registerHost, unregisterHost, listHosts, createHost, type HostDefinition } from './registry.js';
export { promisifyCallbackApi, type CallbackHandlers } from './callback-api.js';
export { normaliseHeaders, findHeader } from './headers.js';
export {
  createHostRequest,
  prepareRequest,
  normaliseResponse,
  type PreparedRequest,
  type RawResponse,
} from './http.js';
export { createJsonStorage, utf8ByteLength, type RawStorage } from './json-storage.js';
export { withTimeout, delay, schedule } from './timers.js';
export { normaliseCoordinates, type RawCoordinates } from './location.js';
export { createEventFanout, type HostEventSource } from './event-fanout.js';
export { prepareCanvas2D, selectorQueryCanvas, type CanvasNodeLike, type SelectorQueryLike } from './canvas.js';
export { withoutUndefined } from './compact.js';
