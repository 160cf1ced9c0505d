import type { FastifyServerOptions } from 'fastify';

/**
 * Log paths that may carry personal data or credentials. Request bodies are never
 * logged, but errors and custom log lines can carry objects; these paths are censored
 * wherever they appear (one level deep under any key, and at the top).
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  ...[
    'name',
    'number',
    'idNumber',
    'passport',
    'identityDocument',
    'person',
    'phone',
    'authCode',
    'realNameTicket',
    'sessionToken',
    'adminToken',
    'qrText',
    'answers',
  ].flatMap((key) => [key, `*.${key}`]),
];

/** Options of {@link loggerOptions}. */
export interface LogOptions {
  /** pino level: `fatal`, `error`, `warn`, `info` (default), `debug`, `trace`, `silent`. */
  level?: string;
  /** Where JSON lines go; default stdout. */
  stream?: { write(line: string): void };
}

/**
 * fastify/pino logger settings: JSON lines, request headers logged with credentials
 * censored, personal-data fields censored (see {@link REDACTED_PATHS}).
 */
export function loggerOptions(options: LogOptions): FastifyServerOptions['logger'] {
  return {
    level: options.level ?? 'info',
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; headers: Record<string, unknown>; ip?: string }) {
        return { method: request.method, url: request.url, headers: request.headers };
      },
    },
    ...(options.stream ? { stream: options.stream } : {}),
  };
}
