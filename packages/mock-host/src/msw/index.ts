export { createServiceHandlers, type ServiceHandlersOptions } from './service-handlers.js';
