import { HostError } from './host-error.js';

/** Coordinates as hosts report them: numbers, or numeric strings (Alipay). */
export interface RawCoordinates {
  latitude: unknown;
  longitude: unknown;
  accuracy?: unknown;
}

/**
 * Converts host coordinates to numbers, whatever type the host used.
 *
 * @throws HostError `host_error` when latitude or longitude is not a finite number in range
 */
export function normaliseCoordinates(
  host: string,
  raw: RawCoordinates,
): { latitude: number; longitude: number; accuracy?: number } {
  const latitude = toNumber(raw.latitude);
  const longitude = toNumber(raw.longitude);
  if (latitude === undefined || longitude === undefined || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw new HostError('host/host_error', 'host returned an invalid location', { host, raw });
  }
  const accuracy = toNumber(raw.accuracy);
  return accuracy === undefined ? { latitude, longitude } : { latitude, longitude, accuracy };
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
