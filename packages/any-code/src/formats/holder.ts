import { maskName } from '@healthcode/core/privacy';

/** The holder's name from its parts, masked as HealthCode masks names; `*` when the code names no one. */
export function maskedHolder(...parts: unknown[]): string {
  const name = parts.filter((p): p is string => typeof p === 'string').join(' ').trim();
  return name ? maskName(name) : '*';
}
