import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type {
  CheckinCommit,
  StoredCheckin,
  StoredCode,
  DeclarationCommit,
  StoredDeclaration,
  StoredEmployee,
  IdempotencyClaim,
  IdempotencyRecord,
  PurgeReport,
  RetentionPolicy,
  StoredAnswer,
  StoredOrg,
  StoredReview,
  StoredUser,
  StoredVenue,
} from '@healthcode/service';
import type { HealthStatus } from '@healthcode/core';
import { MIGRATIONS } from './schema.js';
import { createSqliteAuthorityStore } from './sqlite-authority.js';
import type { Storage } from './storage.js';

/** Tokens are kept only as SHA-256 digests: a copied database yields no usable session. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

type Row = Record<string, unknown>;
const str = (v: unknown) => v as string;
const num = (v: unknown) => v as number;
const opt = <T>(v: unknown) => (v === null || v === undefined ? undefined : (v as T));
const json = <T>(v: unknown) => JSON.parse(v as string) as T;

// Optional members are left out, not set to undefined, so records compare equal to what was saved.
function compact<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) if (record[key] === undefined) delete record[key];
  return record;
}

const toUser = (r: Row): StoredUser =>
  compact({
    userId: str(r.user_id),
    host: str(r.host),
    identityStatus: str(r.identity_status) as StoredUser['identityStatus'],
    reviewId: opt<string>(r.review_id),
    subjectId: opt<string>(r.subject_id),
    createdAt: num(r.created_at),
  });
const toReview = (r: Row): StoredReview =>
  compact({
    reviewId: str(r.review_id),
    userId: str(r.user_id),
    passport: json(r.passport),
    submittedAt: num(r.submitted_at),
    identityStatus: str(r.identity_status) as StoredReview['identityStatus'],
    decidedAt: opt<number>(r.decided_at),
  });
const toDeclaration = (r: Row): StoredDeclaration => ({
  declarationId: str(r.declaration_id),
  userId: str(r.user_id),
  subjectId: str(r.subject_id),
  formVersion: str(r.form_version),
  declaration: json(r.declaration),
  assessment: json(r.assessment),
  status: str(r.status) as HealthStatus,
  declaredAt: num(r.declared_at),
});
const toCode = (r: Row): StoredCode => ({
  codeId: str(r.code_id),
  userId: str(r.user_id),
  subjectId: str(r.subject_id),
  status: str(r.status) as HealthStatus,
  region: str(r.region),
  display: json(r.display),
  qrText: str(r.qr_text),
  keyId: str(r.key_id),
  issuedAt: num(r.issued_at),
  expiresAt: num(r.expires_at),
});
/** `status` of a pending claim's row: no HTTP status is 0. */
const PENDING = 0;
const toIdempotency = (r: Row): IdempotencyRecord => {
  const claim = { userId: str(r.user_id), key: str(r.key), fingerprint: str(r.fingerprint), createdAt: num(r.created_at) };
  return r.status === PENDING ? { state: 'pending', ...claim } : { state: 'answered', ...claim, status: num(r.status), body: json(r.body) };
};
const toOrg = (r: Row): StoredOrg => ({ orgId: str(r.org_id), name: str(r.name), createdAt: num(r.created_at) });
const toEmployee = (r: Row): StoredEmployee =>
  compact({
    employeeId: str(r.employee_id),
    orgId: str(r.org_id),
    subjectId: str(r.subject_id),
    label: opt<string>(r.label),
    createdAt: num(r.created_at),
  });
const toVenue = (r: Row): StoredVenue =>
  compact({
    venueId: str(r.venue_id),
    orgId: str(r.org_id),
    name: str(r.name),
    address: opt<string>(r.address),
    createdAt: num(r.created_at),
  });
const toCheckin = (r: Row): StoredCheckin =>
  compact({
    checkinId: str(r.checkin_id),
    venueId: str(r.venue_id),
    orgId: str(r.org_id),
    scannedBy: str(r.scanned_by),
    valid: r.valid === 1,
    subjectId: opt<string>(r.subject_id),
    status: opt<HealthStatus>(r.status),
    reason: opt<string>(r.reason),
    checkedInAt: num(r.checked_in_at),
  });

/** Options of {@link openSqliteStorage}. */
export interface SqliteStorageOptions {
  /** Database file; `:memory:` for a throw-away database. */
  path: string;
}

/**
 * Opens (creating and migrating when needed) the SQLite database of the server, in
 * WAL mode so readers never wait for the writer. Every query is a statement prepared
 * once; better-sqlite3 runs them synchronously, which on one connection is faster than
 * any pool for this workload.
 */
export function openSqliteStorage(options: SqliteStorageOptions): Storage {
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const q = {
    ping: db.prepare('SELECT 1'),
    getUser: db.prepare('SELECT * FROM users WHERE user_id = ?'),
    // An update leaves subject_id alone: only a declaration binds it (bindSubject).
    saveUser: db.prepare(
      `INSERT INTO users (user_id, host, identity_status, review_id, created_at) VALUES (@userId, @host, @identityStatus, @reviewId, @createdAt)
       ON CONFLICT (user_id) DO UPDATE SET host = excluded.host, identity_status = excluded.identity_status, review_id = excluded.review_id`,
    ),
    bindSubject: db.prepare(
      'UPDATE users SET subject_id = @subjectId WHERE user_id = @userId AND (subject_id IS NULL OR subject_id = @subjectId)',
    ),
    saveSession: db.prepare('INSERT OR REPLACE INTO sessions VALUES (?, ?, ?)'),
    findSession: db.prepare('SELECT user_id, expires_at FROM sessions WHERE token_hash = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    saveReview: db.prepare(
      'INSERT OR REPLACE INTO reviews VALUES (@reviewId, @userId, @passport, @submittedAt, @identityStatus, @decidedAt)',
    ),
    getReview: db.prepare('SELECT * FROM reviews WHERE review_id = ?'),
    pendingReviews: db.prepare("SELECT * FROM reviews WHERE identity_status = 'pending_review' ORDER BY submitted_at LIMIT ?"),
    saveDeclaration: db.prepare(
      'INSERT INTO declarations VALUES (@declarationId, @userId, @subjectId, @formVersion, @declaration, @assessment, @status, @declaredAt)',
    ),
    listDeclarations: db.prepare('SELECT * FROM declarations WHERE subject_id = ? AND declared_at >= ? ORDER BY declared_at'),
    employeeStatuses: db.prepare(
      // SQLite takes the bare `status` from the row holding MAX(declared_at).
      `SELECT d.subject_id, d.status, MAX(d.declared_at) FROM declarations d
       JOIN employees e ON e.subject_id = d.subject_id AND e.org_id = ?
       WHERE d.declared_at >= ? AND d.declared_at < ? GROUP BY d.subject_id`,
    ),
    saveCode: db.prepare(
      'INSERT OR REPLACE INTO codes VALUES (@codeId, @userId, @subjectId, @status, @region, @display, @qrText, @keyId, @issuedAt, @expiresAt)',
    ),
    latestCode: db.prepare('SELECT * FROM codes WHERE user_id = ? ORDER BY issued_at DESC, rowid DESC LIMIT 1'),
    outstandingCodes: db.prepare('SELECT * FROM codes WHERE subject_id = ? AND expires_at > ?'),
    getIdempotent: db.prepare('SELECT * FROM idempotency WHERE user_id = ? AND key = ?'),
    // A pending claim made before @staleBefore belongs to a process that died: it is taken over.
    claimIdempotent: db.prepare(
      `INSERT INTO idempotency VALUES (@userId, @key, @fingerprint, ${PENDING}, 'null', @createdAt)
       ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = excluded.created_at
       WHERE idempotency.status = ${PENDING} AND idempotency.created_at < @staleBefore`,
    ),
    releaseIdempotent: db.prepare(`DELETE FROM idempotency WHERE user_id = ? AND key = ? AND status = ${PENDING}`),
    // An answer replaces its key's pending claim; the first answer under a key wins.
    saveIdempotent: db.prepare(
      `INSERT INTO idempotency VALUES (@userId, @key, @fingerprint, @status, @body, @createdAt)
       ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status,
       body = excluded.body, created_at = excluded.created_at WHERE idempotency.status = ${PENDING}`,
    ),
    purgeSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    purgeIdempotent: db.prepare(
      `DELETE FROM idempotency WHERE created_at < CASE WHEN status = ${PENDING} THEN @pendingBefore ELSE @answeredBefore END`,
    ),
    saveOrg: db.prepare('INSERT OR REPLACE INTO orgs VALUES (?, ?, ?, ?)'),
    getOrg: db.prepare('SELECT * FROM orgs WHERE org_id = ?'),
    orgByToken: db.prepare('SELECT * FROM orgs WHERE admin_token_hash = ?'),
    addEmployee: db.prepare('INSERT OR IGNORE INTO employees VALUES (@employeeId, @orgId, @subjectId, @label, @createdAt)'),
    listEmployees: db.prepare('SELECT * FROM employees WHERE org_id = ? ORDER BY created_at, rowid'),
    saveVenue: db.prepare(
      `INSERT OR REPLACE INTO venues (venue_id, org_id, name, address, created_at, scanner_token_hash)
       VALUES (@venueId, @orgId, @name, @address, @createdAt, @scannerTokenHash)`,
    ),
    venueByScannerToken: db.prepare('SELECT * FROM venues WHERE scanner_token_hash = ?'),
    listVenues: db.prepare('SELECT * FROM venues WHERE org_id = ? ORDER BY created_at, rowid'),
    saveCheckin: db.prepare(
      'INSERT INTO checkins VALUES (@checkinId, @venueId, @orgId, @scannedBy, @valid, @subjectId, @status, @reason, @checkedInAt)',
    ),
    listCheckins: db.prepare(
      'SELECT * FROM checkins WHERE org_id = ? AND checked_in_at >= ? AND checked_in_at < ? ORDER BY checked_in_at, rowid',
    ),
  };

  const codeParams = (c: StoredCode) => ({ ...c, display: JSON.stringify(c.display) });
  const saveAnswer = (answer: StoredAnswer | undefined) => {
    if (answer) q.saveIdempotent.run({ ...answer, body: JSON.stringify(answer.body) });
  };
  const commitDeclaration = db.transaction((c: DeclarationCommit): boolean => {
    if (q.bindSubject.run({ userId: c.declaration.userId, subjectId: c.declaration.subjectId }).changes !== 1) return false;
    q.saveDeclaration.run({
      ...c.declaration,
      declaration: JSON.stringify(c.declaration.declaration),
      assessment: JSON.stringify(c.declaration.assessment),
    });
    q.saveCode.run(codeParams(c.code));
    saveAnswer(c.idempotency);
    return true;
  });
  const commitCheckin = db.transaction(({ checkin: c, idempotency }: CheckinCommit) => {
    q.saveCheckin.run({ ...c, subjectId: c.subjectId ?? null, status: c.status ?? null, reason: c.reason ?? null, valid: c.valid ? 1 : 0 });
    saveAnswer(idempotency);
  });
  const one = <T>(statement: Database.Statement, map: (r: Row) => T, ...params: unknown[]): T | undefined => {
    const r = statement.get(...params) as Row | undefined;
    return r && map(r);
  };
  const many = <T>(statement: Database.Statement, map: (r: Row) => T, ...params: unknown[]): T[] =>
    (statement.all(...params) as Row[]).map(map);

  const claimIdempotencyKey = db.transaction((claim: IdempotencyClaim, staleBefore: number): IdempotencyRecord | undefined => {
    if (q.claimIdempotent.run({ ...claim, staleBefore }).changes === 1) return undefined;
    return one(q.getIdempotent, toIdempotency, claim.userId, claim.key);
  });
  const purgeExpired = db.transaction((now: number, retention: RetentionPolicy): PurgeReport => ({
    sessions: q.purgeSessions.run(now).changes,
    idempotency: q.purgeIdempotent.run({ pendingBefore: now - retention.pendingMs, answeredBefore: now - retention.answeredMs }).changes,
  }));

  return {
    async ping() {
      q.ping.get();
    },
    async getUser(userId) {
      return one(q.getUser, toUser, userId);
    },
    async saveUser(user) {
      q.saveUser.run({ ...user, reviewId: user.reviewId ?? null });
    },
    async saveSession(token, session) {
      q.saveSession.run(tokenHash(token), session.userId, session.expiresAt);
    },
    async findSession(token) {
      return one(q.findSession, (r) => ({ userId: str(r.user_id), expiresAt: num(r.expires_at) }), tokenHash(token));
    },
    async deleteSession(token) {
      q.deleteSession.run(tokenHash(token));
    },
    async saveReview(review) {
      q.saveReview.run({ ...review, decidedAt: review.decidedAt ?? null, passport: JSON.stringify(review.passport) });
    },
    async getReview(reviewId) {
      return one(q.getReview, toReview, reviewId);
    },
    async listPendingReviews(limit) {
      return many(q.pendingReviews, toReview, limit);
    },
    async commitDeclaration(c) {
      return commitDeclaration(c);
    },
    async listDeclarations(subjectId, since) {
      return many(q.listDeclarations, toDeclaration, subjectId, since);
    },
    async latestEmployeeStatuses(orgId, from, to) {
      return many(q.employeeStatuses, (r) => ({ subjectId: str(r.subject_id), status: str(r.status) as HealthStatus }), orgId, from, to);
    },
    async saveCode(code) {
      q.saveCode.run(codeParams(code));
    },
    async latestCode(userId) {
      return one(q.latestCode, toCode, userId);
    },
    async outstandingCodes(subjectId, now) {
      return many(q.outstandingCodes, toCode, subjectId, now);
    },
    authority: createSqliteAuthorityStore(db, tokenHash),
    async claimIdempotencyKey(claim, staleBefore = Number.MIN_SAFE_INTEGER) {
      return claimIdempotencyKey(claim, staleBefore);
    },
    async releaseIdempotencyKey(userId, key) {
      q.releaseIdempotent.run(userId, key);
    },
    async saveOrg(org, adminToken) {
      q.saveOrg.run(org.orgId, org.name, tokenHash(adminToken), org.createdAt);
    },
    async getOrg(orgId) {
      return one(q.getOrg, toOrg, orgId);
    },
    async findOrgByAdminToken(adminToken) {
      return one(q.orgByToken, toOrg, tokenHash(adminToken));
    },
    async addEmployee(employee) {
      return q.addEmployee.run({ ...employee, label: employee.label ?? null }).changes === 1;
    },
    async listEmployees(orgId) {
      return many(q.listEmployees, toEmployee, orgId);
    },
    async saveVenue(venue, scannerToken) {
      q.saveVenue.run({ ...venue, address: venue.address ?? null, scannerTokenHash: tokenHash(scannerToken) });
    },
    async findVenueByScannerToken(scannerToken) {
      return one(q.venueByScannerToken, toVenue, tokenHash(scannerToken));
    },
    async listVenues(orgId) {
      return many(q.listVenues, toVenue, orgId);
    },
    async commitCheckin(c) {
      commitCheckin(c);
    },
    async listCheckins(orgId, from, to) {
      return many(q.listCheckins, toCheckin, orgId, from, to);
    },
    async purgeExpired(now, retention) {
      return purgeExpired(now, retention);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
