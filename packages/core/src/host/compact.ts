/**
 * Drops `undefined` members, so an adapter can build its host from optional capability
 * factories and `hostCapabilities` sees only what is really there.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
