export { createServiceHandlers, type ServiceHandlersOptions } from './service-handlers.js';
export { createMemoryStore } from './memory-store.js';
