export type * from './host.js';
export { HostError, type HostErrorCode } from './host-error.js';
