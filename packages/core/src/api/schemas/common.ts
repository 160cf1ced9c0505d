import * as z from 'zod';
import type { HealthStatus } from '../../status.js';

/** An instant as an ISO 8601 string with an offset, e.g. `2026-11-27T08:00:00.000Z`. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** `green`, `yellow` or `red`. */
export const healthStatusSchema: z.ZodType<HealthStatus> = z.enum(['green', 'yellow', 'red']);

/** A server-made identifier, e.g. `dcl_3k…`; opaque to clients. */
export const idSchema = z.string().min(1).max(64);

/** Counts of people (or check-ins) by health status. */
export const statusCountsSchema = z.object({
  green: z.number().int().nonnegative(),
  yellow: z.number().int().nonnegative(),
  red: z.number().int().nonnegative(),
});
/** Counts by health status. */
export type StatusCounts = z.infer<typeof statusCountsSchema>;

/** Body of `GET /healthz` and `GET /readyz`. */
export const healthResponseSchema = z.object({ status: z.enum(['ok', 'ready']) });
/** Body of `GET /healthz` and `GET /readyz`. */
export type HealthResponse = z.infer<typeof healthResponseSchema>;
