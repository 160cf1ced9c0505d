import { asHostError, HostError } from './host-error.js';
import type { HostStorage } from './host.js';

/** The three string primitives a host's key-value store must supply. */
export interface RawStorage {
  /** Resolves `undefined` when the key is absent. */
  getRaw(key: string): Promise<string | undefined>;
  setRaw(key: string, value: string): Promise<void>;
  removeRaw(key: string): Promise<void>;
}

/**
 * Builds a `HostStorage` over string primitives. Values are stored as JSON text so that
 * the size check measures exactly what the host stores, and every host round-trips the
 * same types.
 */
export function createJsonStorage(options: RawStorage & { host: string; maxValueBytes: number }): HostStorage {
  const { host, maxValueBytes } = options;
  const guard = async <T>(key: string, run: () => Promise<T>): Promise<T> => {
    if (typeof key !== 'string' || key === '') {
      throw new HostError('host/host_error', 'storage key must be a non-empty string', { host, raw: key });
    }
    try {
      return await run();
    } catch (error) {
      throw asHostError(host, error);
    }
  };
  return {
    maxValueBytes,
    get: <T>(key: string) =>
      guard(key, async () => {
        const text = await options.getRaw(key);
        return text === undefined ? undefined : parseStored<T>(host, key, text);
      }),
    set: (key, value) =>
      guard(key, () => {
        const text = serialise(host, value);
        const bytes = utf8ByteLength(text);
        if (bytes > maxValueBytes) {
          const message = `value for "${key}" is ${bytes} bytes; ${host} stores at most ${maxValueBytes}`;
          throw new HostError('host/too_large', message, { host, raw: { key, bytes, maxValueBytes } });
        }
        return options.setRaw(key, text);
      }),
    remove: (key) => guard(key, () => options.removeRaw(key)),
  };
}

function serialise(host: string, value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new HostError('host/host_error', 'value is not JSON-serialisable', { host, raw: error });
  }
  if (text === undefined) throw new HostError('host/host_error', 'value is not JSON-serialisable', { host, raw: value });
  return text;
}

function parseStored<T>(host: string, key: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new HostError('host/host_error', `stored value for "${key}" is not JSON`, { host, raw: error });
  }
}

/** Bytes `text` takes as UTF-8, without needing `TextEncoder`. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
}
