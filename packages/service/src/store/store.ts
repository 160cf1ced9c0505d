import type { HealthStatus } from '@healthcode/core';
import type { IdentityStatus, Passport, StatusCounts } from '@healthcode/core/api';

// Every instant in a record is milliseconds since the Unix epoch.

/** A person signed in through a host; `userId` is `<host>:<host user id>`. */
export interface StoredUser {
  userId: string;
  host: string;
  identityStatus: IdentityStatus;
  /** The passport review that decides `identityStatus`, when there is one. */
  reviewId?: string;
  /**
   * The subject this user declares for, bound by the user's first accepted declaration
   * (see {@link ServiceStore.commitDeclaration}); `saveUser` never changes it.
   */
  subjectId?: string;
  createdAt: number;
}

/** A bearer session. Stores look sessions up by token and should keep only a hash of it at rest. */
export interface StoredSession {
  userId: string;
  expiresAt: number;
}

/** A passport registration and the operator's decision on it. */
export interface StoredReview {
  reviewId: string;
  userId: string;
  passport: Passport;
  submittedAt: number;
  /** `pending_review` until decided. */
  identityStatus: IdentityStatus;
  decidedAt?: number;
}

/** A validated declaration with its assessment. */
export interface StoredDeclaration {
  declarationId: string;
  userId: string;
  /** Keyed hash of the declared identity document. */
  subjectId: string;
  formVersion: string;
  /** The validated declaration (personal data: stores must protect it at rest). */
  declaration: unknown;
  /** The assessment as JSON. */
  assessment: unknown;
  status: HealthStatus;
  declaredAt: number;
}

/** A code issued to a user; the latest one per user is the user's current code. */
export interface StoredCode {
  codeId: string;
  userId: string;
  subjectId: string;
  status: HealthStatus;
  region: string;
  /** Masked display data, as embedded in the code. */
  display: { name: string; documentTail?: string };
  qrText: string;
  keyId: string;
  issuedAt: number;
  expiresAt: number;
}

/**
 * A request's claim on its `Idempotency-Key`, made before the request is acted on so
 * that a concurrent duplicate finds it.
 */
export interface IdempotencyClaim {
  userId: string;
  key: string;
  /** Keyed hash of the route and canonical request body, to tell a retry from a different request. */
  fingerprint: string;
  createdAt: number;
}

/** The stored answer to a request that carried an `Idempotency-Key`. */
export interface StoredAnswer extends IdempotencyClaim {
  status: number;
  body: unknown;
}

/** What a store holds under an `Idempotency-Key`: a claim still being acted on, or the answer. */
export type IdempotencyRecord = ({ state: 'pending' } & IdempotencyClaim) | ({ state: 'answered' } & StoredAnswer);

/** How long a store keeps records it no longer needs; see {@link ServiceStore.purgeExpired}. */
export interface RetentionPolicy {
  /** Age after which an answered `Idempotency-Key` is forgotten (its key may then act again). */
  answeredMs: number;
  /** Age after which a claim that never got an answer (its process died) is dropped. */
  pendingMs: number;
  /** Age after which a declaration is deleted (it no longer counts as history for an assessment). */
  declarationsMs: number;
  /** Time after its expiry when a code is deleted; a user's current code is always kept. */
  codesMs: number;
  /** Age after which a check-in is deleted (it leaves the organisation's dashboards). */
  checkinsMs: number;
  /** Most rows one delete statement removes, so a purge never holds a long lock; the purge repeats until done. */
  batchSize: number;
}

/** How many records one {@link ServiceStore.purgeExpired} removed. */
export interface PurgeReport {
  sessions: number;
  idempotency: number;
  declarations: number;
  codes: number;
  checkins: number;
}

/** Check-ins at one venue of an organisation on one day. */
export interface VenueDaySummary {
  venueId: string;
  name: string;
  checkins: number;
  /** Scans whose code did not verify. */
  rejected: number;
  /** Verified scans by the status in the code. */
  byStatus: StatusCounts;
}

/** An organisation's day, aggregated by the store: what its dashboard shows. */
export interface OrgDaySummary {
  /** How many employees the organisation has. */
  employees: number;
  /** Employees who declared that day, by the status of their latest declaration. */
  declaredByStatus: StatusCounts;
  /** Employees who did not declare that day, in the order they were added. */
  notDeclared: StoredEmployee[];
  /** Every venue of the organisation, in the order they were added. */
  venues: VenueDaySummary[];
  /** Distinct visitors (verified subjects who are not employees) by the status of their latest check-in. */
  visitors: { total: number; byStatus: StatusCounts };
}

/** An organisation whose admin sees its dashboard. */
export interface StoredOrg {
  orgId: string;
  name: string;
  createdAt: number;
}

/** A subject registered as an organisation's employee. */
export interface StoredEmployee {
  employeeId: string;
  orgId: string;
  subjectId: string;
  label?: string;
  createdAt: number;
}

/** A place of an organisation where codes are scanned. */
export interface StoredVenue {
  venueId: string;
  orgId: string;
  name: string;
  address?: string;
  createdAt: number;
}

/** One scan at a venue and what verification found. */
export interface StoredCheckin {
  checkinId: string;
  venueId: string;
  orgId: string;
  /** Who scanned: `venue/<venueId>`, the venue's scanner credential (no user id contains a `/`). */
  scannedBy: string;
  valid: boolean;
  /** Set when `valid`. */
  subjectId?: string;
  status?: HealthStatus;
  /** The verifier's reason when not `valid`. */
  reason?: string;
  checkedInAt: number;
}

/** Everything one accepted declaration writes, stored atomically. */
export interface DeclarationCommit {
  declaration: StoredDeclaration;
  code: StoredCode;
  idempotency?: StoredAnswer;
}

/** A check-in and the idempotent answer to the request that made it, stored atomically. */
export interface CheckinCommit {
  checkin: StoredCheckin;
  idempotency?: StoredAnswer;
}

/**
 * Persistence of the service. Every method is asynchronous so that a network database
 * (PostgreSQL) can implement it as well as an embedded one (SQLite) or memory.
 * Methods named `save…` insert or replace by primary key.
 */
export interface ServiceStore {
  /** Resolves when the store can serve requests; rejects otherwise (used by `/readyz`). */
  ping(): Promise<void>;

  getUser(userId: string): Promise<StoredUser | undefined>;
  /** Inserts or updates a user; keeps the subject a stored user is bound to, whatever `user.subjectId` says. */
  saveUser(user: StoredUser): Promise<void>;

  saveSession(token: string, session: StoredSession): Promise<void>;
  findSession(token: string): Promise<StoredSession | undefined>;
  /** Ends a session (sign-out): its token is unknown from then on. */
  deleteSession(token: string): Promise<void>;

  saveReview(review: StoredReview): Promise<void>;
  getReview(reviewId: string): Promise<StoredReview | undefined>;
  /** Pending reviews, oldest first. */
  listPendingReviews(limit: number): Promise<StoredReview[]>;

  /**
   * Stores a declaration, its code and the idempotent answer (replacing its pending
   * claim) in one transaction, binding the declaration's subject to its user when the
   * user has none yet. Resolves `false`, storing nothing, when the user is already bound
   * to another subject.
   */
  commitDeclaration(commit: DeclarationCommit): Promise<boolean>;
  /** A subject's declarations made at or after `since`, oldest first. */
  listDeclarations(subjectId: string, since: number): Promise<StoredDeclaration[]>;
  saveCode(code: StoredCode): Promise<void>;
  latestCode(userId: string): Promise<StoredCode | undefined>;
  /**
   * Stores `code` as its user's current code if the current one is still `previousCodeId`,
   * atomically, so that of several processes re-signing one user's code at once exactly one
   * wins. Resolves to the user's current code afterwards: `code`, or the one that won.
   */
  renewCode(code: StoredCode, previousCodeId: string): Promise<StoredCode>;
  /** Every code of a subject's holders still valid at `now` (not only the latest: the one before is valid until it expires). */
  outstandingCodes(subjectId: string, now: number): Promise<StoredCode[]>;

  /**
   * Claims `claim.key` for `claim.userId` atomically: resolves `undefined` when this call
   * took the key (nobody held it), else to what the key already holds, unchanged. A pending
   * claim made before `staleBefore` (its process died) is replaced by `claim` as if absent.
   */
  claimIdempotencyKey(claim: IdempotencyClaim, staleBefore?: number): Promise<IdempotencyRecord | undefined>;
  /** Drops a pending claim (its request failed), so the key can be used again; an answer stays. */
  releaseIdempotencyKey(userId: string, key: string): Promise<void>;

  /** `adminToken` authenticates the organisation's admin; keep only a hash of it at rest. */
  saveOrg(org: StoredOrg, adminToken: string): Promise<void>;
  getOrg(orgId: string): Promise<StoredOrg | undefined>;
  findOrgByAdminToken(adminToken: string): Promise<StoredOrg | undefined>;

  /** Resolves `false` (and stores nothing) when the subject already is an employee of the organisation. */
  addEmployee(employee: StoredEmployee): Promise<boolean>;
  listEmployees(orgId: string): Promise<StoredEmployee[]>;

  /** `scannerToken` authorises check-ins at the venue; keep only a hash of it at rest. */
  saveVenue(venue: StoredVenue, scannerToken: string): Promise<void>;
  findVenueByScannerToken(scannerToken: string): Promise<StoredVenue | undefined>;
  listVenues(orgId: string): Promise<StoredVenue[]>;

  /** Stores a check-in and the idempotent answer (replacing its pending claim) in one transaction. */
  commitCheckin(commit: CheckinCommit): Promise<void>;
  /** An organisation's check-ins in `[from, to)`, oldest first. */
  listCheckins(orgId: string, from: number, to: number): Promise<StoredCheckin[]>;
  /** The organisation's declarations and check-ins in `[from, to)`, aggregated (the dashboard). */
  summariseOrgDay(orgId: string, from: number, to: number): Promise<OrgDaySummary>;

  /**
   * Counts one request of `key` in the fixed window starting at `windowStart` and resolves
   * to the window's count so far. Stores shared by several processes implement it, so that
   * rate limits hold across them; without it the service counts in its own memory.
   */
  countInWindow?(key: string, windowStart: number): Promise<number>;

  /**
   * Housekeeping: deletes sessions expired at `now`, answers older than
   * `retention.answeredMs`, claims older than `retention.pendingMs`, and declarations,
   * codes and check-ins past their retention, in batches of at most `retention.batchSize`.
   */
  purgeExpired(now: number, retention: RetentionPolicy): Promise<PurgeReport>;
}
