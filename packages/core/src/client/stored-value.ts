import type { ZodType } from 'zod';
import type { HostStorage } from '../host/host.js';

/**
 * One JSON value under one host-storage key, checked against a schema when read
 * back: storage outlives app versions and can be edited or corrupted, so a value
 * that no longer fits is treated as absent rather than trusted.
 */
export class StoredValue<T> {
  constructor(
    private readonly storage: HostStorage,
    private readonly key: string,
    private readonly schema: ZodType<T>,
  ) {}

  async read(): Promise<T | undefined> {
    const raw = await this.storage.get(this.key);
    if (raw === undefined) return undefined;
    const parsed = this.schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }

  write(value: T): Promise<void> {
    return this.storage.set(this.key, value);
  }

  clear(): Promise<void> {
    return this.storage.remove(this.key);
  }
}

/**
 * Stand-in storage for hosts without any: the client still works, but sessions,
 * cached codes and the offline queue last only as long as the client object.
 */
export function memoryStorage(): HostStorage {
  const values = new Map<string, string>();
  return {
    maxValueBytes: Number.POSITIVE_INFINITY,
    async get<T>(key: string) {
      const json = values.get(key);
      return json === undefined ? undefined : (JSON.parse(json) as T);
    },
    async set(key, value) {
      values.set(key, JSON.stringify(value));
    },
    async remove(key) {
      values.delete(key);
    },
  };
}
