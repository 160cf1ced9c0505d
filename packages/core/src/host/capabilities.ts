import { HostError } from './host-error.js';
import type { Host } from './host.js';

/** Every optional capability a `Host` may offer, in the order of the interface. */
export const HOST_CAPABILITIES = [
  'identity',
  'storage',
  'request',
  'scan',
  'canvas',
  'ui',
  'screen',
  'screenshot',
  'system',
  'location',
] as const;

/** Name of one optional `Host` capability. */
export type HostCapability = (typeof HOST_CAPABILITIES)[number];

/** The capabilities `host` offers, e.g. to log them or to pick a fallback UI. */
export function hostCapabilities(host: Host): HostCapability[] {
  return HOST_CAPABILITIES.filter((c) => host[c] !== undefined);
}

/**
 * Returns one capability or throws `HostError` code `unsupported`, for code paths that
 * cannot go on without it.
 */
export function requireCapability<C extends HostCapability>(host: Host, capability: C): NonNullable<Host[C]> {
  const value = host[capability];
  if (value === undefined) {
    throw new HostError('host/unsupported', `host "${host.name}" does not offer ${capability}`, { host: host.name });
  }
  return value as NonNullable<Host[C]>;
}
