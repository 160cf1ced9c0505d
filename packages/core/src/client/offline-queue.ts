import * as z from 'zod';
import type { HostStorage } from '../host/host.js';
import { StoredValue } from './stored-value.js';

/** What kind of write a queued request is; decides what the client does with its answer. */
export type QueuedKind = 'declaration' | 'checkin';

/** A write that could not reach the service, kept in host storage until it can. */
export interface QueuedRequest {
  /** Also the `Idempotency-Key` header: the service answers a repeated key with the first answer instead of acting twice. */
  id: string;
  kind: QueuedKind;
  /** API path, e.g. `/v1/declarations`. */
  path: string;
  body: unknown;
  /** ISO time the request was first attempted. */
  queuedAt: string;
}

const queueSchema = z.array(
  z.object({
    id: z.string().min(1),
    kind: z.enum(['declaration', 'checkin']),
    path: z.string().startsWith('/'),
    body: z.unknown(),
    queuedAt: z.string(),
  }),
);

/**
 * First-in first-out list of pending writes in host storage, so it survives a
 * restart. Every change is a read-modify-write of one key; changes made through one
 * queue object are chained so that two of them never interleave and lose an item.
 */
export class OfflineQueue {
  private readonly stored: StoredValue<QueuedRequest[]>;
  private last: Promise<unknown> = Promise.resolve();

  constructor(storage: HostStorage, key: string) {
    this.stored = new StoredValue(storage, key, queueSchema as z.ZodType<QueuedRequest[]>);
  }

  /** The pending requests, oldest first. */
  async list(): Promise<QueuedRequest[]> {
    await this.last;
    return (await this.stored.read()) ?? [];
  }

  /** Appends `item`, unless one with the same id is already queued. */
  add(item: QueuedRequest): Promise<void> {
    return this.update((items) => (items.some((i) => i.id === item.id) ? items : [...items, item]));
  }

  remove(id: string): Promise<void> {
    return this.update((items) => items.filter((i) => i.id !== id));
  }

  /** Forgets every pending request, e.g. when their user signs out. */
  clear(): Promise<void> {
    return this.update(() => []);
  }

  private update(change: (items: QueuedRequest[]) => QueuedRequest[]): Promise<void> {
    const next = this.last.then(async () => {
      const items = (await this.stored.read()) ?? [];
      const changed = change(items);
      if (changed.length === 0) await this.stored.clear();
      else await this.stored.write(changed);
    });
    // A failed write must not wedge every later one.
    this.last = next.catch(() => undefined);
    return next;
  }
}
