import { HealthCodeError } from '@healthcode/core';

/** Why `createServer` refused its options. */
export type ServerConfigErrorCode = 'server/invalid_options';

/** Thrown by `createServer` for options it cannot run with; nothing has started yet. */
export class ServerConfigError extends HealthCodeError<ServerConfigErrorCode> {}
