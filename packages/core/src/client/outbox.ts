import type { ZodType } from 'zod';
import {
  ApiError,
  type CheckinResponse,
  checkinResponseSchema,
  type SubmitDeclarationResponse,
  submitDeclarationResponseSchema,
} from '../api/index.js';
import { ClientError } from './client-error.js';
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
      /** A queued write older than this is dropped unsent; keep it below the service's idempotency retention. */
      maxQueueAgeMs: number;
    },
  ) {}

  /**
   * Sends a write now or, when there is no network or the service is in trouble (5xx),
   * queues it. While older writes are queued it first flushes them, and queues this one
   * behind any that are still left, so writes reach the service in the order they were made.
   * Other failures reject.
   */
  async sendOrQueue<K extends QueuedKind>(kind: K, path: string, body: unknown): Promise<WriteOutcome<K>> {
    const item: QueuedRequest = { id: randomId(), kind, path, body, queuedAt: this.deps.now().toISOString() };
    if ((await this.deps.queue.list()).length > 0 && (await this.flush()).remaining > 0) return this.enqueue(item);
    try {
      const response = await this.send(kind, item);
      this.kick();
      return { sent: true, response };
    } catch (error) {
      if (!isOffline(error) && !isServerTrouble(error)) throw error;
      return this.enqueue(item);
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

  private async enqueue(item: QueuedRequest): Promise<{ sent: false; id: string }> {
    await this.deps.queue.add(item);
    return { sent: false, id: item.id };
  }

  private async flushOnce(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, dropped: [], remaining: 0 };
    // Always the current head rather than a list read once: a sign-out that clears the
    // queue mid-flush must stop its items from going out under the next user's session.
    for (let item = await this.head(); item; item = await this.head()) {
      const outcome = await this.attempt(item);
      if (outcome === 'keep') break;
      if (outcome === 'sent') report.sent++;
      else report.dropped.push({ item, error: outcome });
      await this.deps.queue.remove(item.id);
    }
    report.remaining = (await this.deps.queue.list()).length;
    return report;
  }

  private async head(): Promise<QueuedRequest | undefined> {
    return (await this.deps.queue.list())[0];
  }

  /** Sends one queued write: `'sent'`, `'keep'` it queued for a later flush, or the reason to drop it. */
  private async attempt(item: QueuedRequest): Promise<'sent' | 'keep' | ApiError | ClientError> {
    const ageMs = this.deps.now().getTime() - Date.parse(item.queuedAt);
    // An unreadable time counts as too old: the key's fate on the service is unknown either way.
    if (!(ageMs <= this.deps.maxQueueAgeMs)) {
      return new ClientError('client/queued_too_long', `Queued at ${item.queuedAt}, longer than the ${this.deps.maxQueueAgeMs} ms a write may wait`, {
        details: { queuedAt: item.queuedAt, maxQueueAgeMs: this.deps.maxQueueAgeMs },
      });
    }
    try {
      await this.send(item.kind, item);
      return 'sent';
    } catch (error) {
      // Offline, server trouble, no session: stop here and keep this and the rest in order.
      if (!(error instanceof ApiError) || isServerTrouble(error) || KEEP_QUEUED_STATUSES.has(error.status)) return 'keep';
      return error;
    }
  }
}

/** A 5xx answer: the service may manage next time (a concurrent duplicate is answered 503). */
function isServerTrouble(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 500;
}
