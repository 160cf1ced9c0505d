import Database from 'better-sqlite3';
import type {
  CheckinCommit,
  StoredCode,
  DeclarationCommit,
  IdempotencyClaim,
  IdempotencyRecord,
  OrgDaySummary,
  PurgeReport,
  RetentionPolicy,
  StoredAnswer,
} from '@healthcode/service';
import { MIGRATIONS } from './schema.js';
import { createSqliteAuthorityStore } from './sqlite-authority.js';
import type { Storage } from './storage.js';
import { PURGES, assertIdentifiers, countsByStatus, purgeCutoffs, venueSummary } from './day-queries.js';
import {
  num,
  PENDING,
  str,
  tokenHash,
  toCode,
  toDeclaration,
  toEmployee,
  toIdempotency,
  toOrg,
  toReview,
  toUser,
  toVenue,
  toCheckin,
  type Row,
} from './rows.js';

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
    // The dashboard's aggregates: range scans of covering indexes (schema version 4).
    staffDay: db.prepare(
      // One probe of the covering index per employee, never a scan of the day's declarations;
      // better-sqlite3 hands the rows over in-process, so they are counted here.
      `SELECT e.*, (SELECT d.status FROM declarations d WHERE d.subject_id = e.subject_id
       AND d.declared_at >= @from AND d.declared_at < @to ORDER BY d.declared_at DESC LIMIT 1) AS day_status
       FROM employees e WHERE e.org_id = @orgId ORDER BY e.created_at, e.rowid`,
    ),
    venueDay: db.prepare(
      `SELECT v.venue_id, v.name, a.* FROM venues v LEFT JOIN (SELECT venue_id AS at_venue, count(*) AS checkins,
       sum(NOT (valid = 1 AND status IS NOT NULL AND subject_id IS NOT NULL)) AS rejected,
       sum(valid = 1 AND subject_id IS NOT NULL AND status = 'green') AS green,
       sum(valid = 1 AND subject_id IS NOT NULL AND status = 'yellow') AS yellow,
       sum(valid = 1 AND subject_id IS NOT NULL AND status = 'red') AS red
       FROM checkins WHERE org_id = @orgId AND checked_in_at >= @from AND checked_in_at < @to GROUP BY venue_id) a
       ON a.at_venue = v.venue_id WHERE v.org_id = @orgId ORDER BY v.created_at, v.rowid`,
    ),
    visitorsByStatus: db.prepare(
      // SQLite takes the bare `status` from the row holding MAX(checked_in_at): cheaper than a window's sort.
      `SELECT status, count(*) AS n FROM (SELECT c.status, MAX(c.checked_in_at) FROM checkins c
       WHERE c.org_id = @orgId AND c.checked_in_at >= @from AND c.checked_in_at < @to
       AND c.valid = 1 AND c.status IS NOT NULL AND c.subject_id IS NOT NULL
       AND c.venue_id IN (SELECT venue_id FROM venues WHERE org_id = @orgId)
       AND c.subject_id NOT IN (SELECT subject_id FROM employees WHERE org_id = @orgId)
       GROUP BY c.subject_id) GROUP BY status`,
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
    purges: PURGES.map(({ kind, table, where }) => ({
      kind,
      statement: db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${where} LIMIT @limit)`),
    })),
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
  const renewCode = db.transaction((code: StoredCode, previousCodeId: string): StoredCode => {
    const current = one(q.latestCode, toCode, code.userId);
    if (current && current.codeId !== previousCodeId) return current;
    q.saveCode.run(codeParams(code));
    return code;
  });
  const summariseOrgDay = db.transaction((orgId: string, from: number, to: number): OrgDaySummary => {
    const range = { orgId, from, to };
    const counts = (statement: Database.Statement) => countsByStatus(statement.all(range) as Row[]);
    const staff = q.staffDay.all(range) as Row[];
    const declaredByStatus = countsByStatus([]);
    for (const r of staff) if (r.day_status !== null) declaredByStatus[str(r.day_status) as keyof typeof declaredByStatus] += 1;
    return {
      employees: staff.length,
      declaredByStatus,
      notDeclared: staff.filter((r) => r.day_status === null).map(toEmployee),
      venues: many(q.venueDay, venueSummary, range),
      visitors: (({ green, yellow, red }) => ({ total: green + yellow + red, byStatus: { green, yellow, red } }))(
        counts(q.visitorsByStatus),
      ),
    };
  });
  // One short transaction per batch, so requests get the database between batches.
  const purgeBatch = db.transaction((statement: Database.Statement, params: Record<string, number>) => statement.run(params).changes);
  function purgeExpired(now: number, retention: RetentionPolicy): PurgeReport {
    const report: PurgeReport = { sessions: 0, idempotency: 0, declarations: 0, codes: 0, checkins: 0 };
    const params = { ...purgeCutoffs(now, retention), limit: retention.batchSize };
    for (const { kind, statement } of q.purges) {
      for (let removed = retention.batchSize; removed === retention.batchSize;) {
        removed = purgeBatch(statement, params);
        report[kind] += removed;
      }
    }
    return report;
  }

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
    async saveCode(code) {
      q.saveCode.run(codeParams(code));
    },
    async latestCode(userId) {
      return one(q.latestCode, toCode, userId);
    },
    async renewCode(code, previousCodeId) {
      return renewCode(code, previousCodeId);
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
    async summariseOrgDay(orgId, from, to) {
      return summariseOrgDay(orgId, from, to);
    },
    async purgeExpired(now, retention) {
      return purgeExpired(now, retention);
    },
    async insertMany(table, columns, rows) {
      assertIdentifiers(table, columns);
      const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      // SQLite has no boolean: the check-ins' `valid` is 0 or 1.
      db.transaction(() => {
        for (const row of rows) insert.run(row.map((v) => (typeof v === 'boolean' ? Number(v) : v)));
      })();
    },
    async explain(sql, values) {
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as Row[]).map((r) => str(r.detail)).join('\n');
    },
    async sizeInBytes() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return num(db.pragma('page_count', { simple: true })) * num(db.pragma('page_size', { simple: true }));
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
