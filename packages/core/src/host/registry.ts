import { HostError } from './host-error.js';
import type { Host } from './host.js';

/**
 * How to recognise and build one host. Built-in adapters register through this same
 * type, so a third-party host is a peer, not a special case.
 *
 * @typeParam O - the options `create` accepts
 */
export interface HostDefinition<O = unknown> {
  /** Unique name; `createHost(name)` looks it up. Not `auto`. */
  readonly name: string;
  /** True when the current runtime is this host. Must not throw; a throw counts as `false`. */
  readonly detect: () => boolean;
  /** Builds the host; `options` are passed through from `createHost`. */
  readonly create: (options?: O) => Host;
}

const definitions = new Map<string, HostDefinition>();

/**
 * Adds a host definition, replacing any earlier one with the same name. `createHost('auto')`
 * tries definitions in the order they were first registered.
 */
export function registerHost<O>(definition: HostDefinition<O>): void {
  const { name } = definition;
  if (typeof name !== 'string' || name === '' || name === 'auto') {
    throw new HostError('host/host_error', `invalid host name: ${JSON.stringify(name)}`, { host: String(name) });
  }
  definitions.set(name, definition as HostDefinition);
}

/** Removes a registered host; returns `true` when there was one. Mainly for tests. */
export function unregisterHost(name: string): boolean {
  return definitions.delete(name);
}

/** Names of the registered hosts, in registration order. */
export function listHosts(): string[] {
  return [...definitions.keys()];
}

/**
 * Builds a registered host by name, or with `auto` the first whose `detect()` is true.
 *
 * @throws HostError code `unsupported` when no registered host matches.
 */
export function createHost(name: string, options?: unknown): Host {
  const definition = name === 'auto' ? detectHost() : definitions.get(name);
  if (!definition) {
    const known = listHosts().join(', ') || 'none registered';
    const what = name === 'auto' ? 'no registered host detected the current runtime' : `unknown host "${name}"`;
    throw new HostError('host/unsupported', `${what} (known: ${known})`, { host: name });
  }
  return definition.create(options);
}

function detectHost(): HostDefinition | undefined {
  for (const definition of definitions.values()) {
    if (safeDetect(definition)) return definition;
  }
  return undefined;
}

function safeDetect(definition: HostDefinition): boolean {
  try {
    return definition.detect() === true;
  } catch {
    return false;
  }
}
