import type { Host } from '../host/host.js';
import type { CryptoProvider, PublicJwk, TrustList, VerifyResult } from '../code/index.js';
import type { ApiError, AssessmentJson, CheckinResponse, FormResponse, Passport } from '../api/index.js';
import type { ClientError } from './client-error.js';
import type { CodeSnapshot } from './code-cache.js';
import type { QueuedRequest } from './offline-queue.js';
import type { RetryPolicy } from './retry.js';
import type { Session } from './session-store.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The host the client runs in; it must offer `request`. */
  host: Host;
  /** Root of the HealthCode service, e.g. `https://health.example.org`. */
  baseUrl: string;
  /** Pinned public key of the trust-list signer; needed by `getTrustList` and the verifying calls. */
  trustRoot?: PublicJwk;
  /** Clock; injectable for tests. Defaults to the system clock. */
  now?: () => Date;
  /** Waits between retries; injectable for tests. Defaults to a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Overrides of {@link DEFAULT_RETRY_POLICY}. */
  retry?: Partial<RetryPolicy>;
  /** Per-attempt request timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** A trust list older than this is fetched again when online (default one hour). */
  trustListMaxAgeMs?: number;
  /** Prefix of every host-storage key the client uses (default `healthcode.`). */
  storagePrefix?: string;
  /** Crypto for signature checks; the core default when omitted. */
  crypto?: CryptoProvider;
  /**
   * A queued write older than this (default 12 hours) is dropped unsent at the next flush,
   * with `ClientError('queued_too_long')`. Keep it below the service's idempotency-key
   * retention (a day by default), or a resent write could be recorded twice.
   */
  maxQueueAgeMs?: number;
  /**
   * Called when a fetched code's colour differs from the one held before (the authority
   * published a risk area, imported a contact, decided an appeal…), so the app can tell the
   * holder why before a gate does. Errors it throws are ignored.
   */
  onColourChange?: (change: ColourChange) => void;
}

/** A change of the holder's colour, seen by {@link ClientOptions.onColourChange}. */
export interface ColourChange {
  from: CodeSnapshot['status'];
  to: CodeSnapshot['status'];
  /** The reasons of the new colour, each with its clearing condition. */
  reasons: CodeSnapshot['reasons'];
}

/** Options of {@link HealthCodeClient.signIn}. */
export interface SignInOptions {
  /** Also run the host's real-name verification and send its ticket. */
  realName?: boolean;
  /** Identity document details for users the host cannot vouch for (e.g. foreign visitors); reviewed manually. */
  passport?: Passport;
  /** Scopes asked of the host's auth-code call. */
  scopes?: string[];
}

/** What became of a submitted declaration. */
export type SubmitResult =
  | { status: 'sent'; declarationId: string; assessment: AssessmentJson; code: CodeSnapshot }
  | { status: 'queued'; id: string };

/** What became of a check-in report. */
/** Where a check-in is recorded, and the venue's scanner credential that authorises it. */
export interface CheckinTarget {
  venueId: string;
  /** From `POST /v1/orgs/:orgId/venues`; kept with the check-in while it waits in the offline queue. */
  scannerToken: string;
}

export type CheckinOutcome =
  | { status: 'sent'; checkinId: string; result: CheckinResponse['result'] }
  | { status: 'queued'; id: string }
  | { status: 'failed'; error: unknown };

/** A verified scan: the offline verdict, and whether the service has heard of it yet. */
export interface ScanResult {
  qrText: string;
  result: VerifyResult;
  checkin: CheckinOutcome;
}

/** What a queue flush achieved. */
export interface FlushReport {
  sent: number;
  /**
   * Requests removed unsent: refused for good by the service (4xx, `ApiError`) or queued
   * longer than `maxQueueAgeMs` (`ClientError` `queued_too_long`).
   */
  dropped: { item: QueuedRequest; error: ApiError | ClientError }[];
  /** Still queued: offline again, server trouble, or not signed in. */
  remaining: number;
}

/** The HealthCode service as seen from a host app. Every method may reject with `ApiError`, `ClientError` or `HostError`. */
export interface HealthCodeClient {
  /**
   * Exchanges the host's auth code (and optionally a real-name ticket) for a session, kept in
   * host storage. Forgets the cached code first; keeps the offline queue (sign out to drop it).
   */
  signIn(options?: SignInOptions): Promise<Session>;
  /** Forgets the session, the cached code and the offline queue: none of them may outlive their user. */
  signOut(): Promise<void>;
  /** The stored session, `undefined` when signed out or expired. */
  getSession(): Promise<Session | undefined>;
  /** The declaration form descriptor, current or of `version`. */
  getForm(version?: string): Promise<FormResponse>;
  /** Sends a declaration once; queues it (same idempotency key) when offline, on a 5xx, or behind older queued writes. */
  submitDeclaration(answers: unknown, options: { formVersion: string }): Promise<SubmitResult>;
  /** The user's code: cached until `refreshAfter`, the cached one with `stale: true` when offline. */
  getCode(options?: { forceRefresh?: boolean }): Promise<CodeSnapshot>;
  /** The trust list, verified against `trustRoot`; the cached one when offline. */
  getTrustList(options?: { forceRefresh?: boolean }): Promise<TrustList>;
  /** Scans with the host's scanner, then {@link HealthCodeClient.verifyAndCheckIn}. */
  scanAndVerify(options: CheckinTarget): Promise<ScanResult>;
  /** Verifies already-scanned QR text offline, then reports the check-in (queued when offline). */
  verifyAndCheckIn(options: CheckinTarget & { qrText: string }): Promise<ScanResult>;
  /** Sends queued requests in order; also runs by itself after any successful request. */
  flushQueue(): Promise<FlushReport>;
  /** Requests waiting in the offline queue, oldest first. */
  pending(): Promise<QueuedRequest[]>;
}
