import type { ZodType } from 'zod';
import {
  ApiError,
  type CheckinResponse,
  checkinResponseSchema,
  type SubmitDeclarationResponse,
  submitDeclarationResponseSchema,
} from '../api/index.js';
import type { CodeCache } from './code-cache.js';
import type { OfflineQueue, QueuedKind, QueuedRequest } from './offline-queue.js';
import { randomId } from './random-id.js';
import { type ApiCall, isOffline } from './transport.js';
import type { FlushReport } from './types.js';

interface WriteResponses {
  declaration: SubmitDeclarationResponse;
  checkin: CheckinResponse;
}
const WRITE_SCHEMAS: { [K in QueuedKind]: ZodType<WriteResponses[K]> } = {
  declaration: submitDeclarationResponseSchema,
  checkin: checkinResponseSchema,
};

/** Refusals that say "not now" rather than "never": the queued request stays for a later flush. */
const KEEP_QUEUED_STATUSES = new Set([401, 408, 429]);

/** What became of a write: sent with the service's answer, or queued for later. */
export type WriteOutcome<K extends QueuedKind> = { sent: true; response: WriteResponses[K] } | { sent: false; id: string };

/**
 * The writes that must reach the service exactly once (declarations, check-ins):
 * each gets an idempotency key when first attempted, and goes to the offline queue,
 * key and all, when there is no network, to be resent later under the same key.
 */
export class Outbox {
  private flushing: Promise<FlushReport> | undefined;

  constructor(
    private readonly deps: {
      /** Sends with the current session; rejects `not_signed_in` without one. */
      send: <T>(call: Omit<ApiCall<T>, 'token'>) => Promise<T>;
      queue: OfflineQueue;
      codes: CodeCache;
      now: () => Date;
    },
  ) {}

  /** Sends a write now or, when there is no network, queues it. Other failures reject. */
  async sendOrQueue<K extends QueuedKind>(kind: K, path: string, body: unknown): Promise<WriteOutcome<K>> {
    const item: QueuedRequest = { id: randomId(), kind, path, body, queuedAt: this.deps.now().toISOString() };
    try {
      const response = await this.send(kind, item);
      this.kick();
      return { sent: true, response };
    } catch (error) {
      if (!isOffline(error)) throw error;
      await this.deps.queue.add(item);
      return { sent: false, id: item.id };
    }
  }

  /** Sends queued writes in order; joins a flush already running instead of starting a second. */
  flush(): Promise<FlushReport> {
    this.flushing ??= this.flushOnce().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** The queued writes, oldest first. */
  pending(): Promise<QueuedRequest[]> {
    return this.deps.queue.list();
  }

  /** The network answered: drain the queue in the background; failures just leave items queued. */
  kick(): void {
    if (!this.flushing) this.flush().catch(() => undefined);
  }

  private async send<K extends QueuedKind>(kind: K, item: QueuedRequest): Promise<WriteResponses[K]> {
    const schema: ZodType<WriteResponses[K]> = WRITE_SCHEMAS[kind];
    const response = await this.deps.send({ method: 'POST', path: item.path, body: item.body, idempotencyKey: item.id, schema });
    // A declaration's answer carries the new code: cache it so `getCode` shows it at once.
    if ('code' in response) await this.deps.codes.set(response.code);
    return response;
  }

  private async flushOnce(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, dropped: [], remaining: 0 };
    for (const item of await this.deps.queue.list()) {
      try {
        await this.send(item.kind, item);
      } catch (error) {
        // Offline, server trouble, no session: stop here and keep this and the rest in order.
        if (!(error instanceof ApiError) || error.status >= 500 || KEEP_QUEUED_STATUSES.has(error.status)) break;
        report.dropped.push({ item, error });
        await this.deps.queue.remove(item.id);
        continue;
      }
      await this.deps.queue.remove(item.id);
      report.sent++;
    }
    report.remaining = (await this.deps.queue.list()).length;
    return report;
  }
}
