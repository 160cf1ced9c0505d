import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type {
  IdempotencyClaim,
  IdempotencyRecord,
  OrgDaySummary,
  PurgeReport,
  SharedKeyringStore,
  SharedKeys,
  StoredAnswer,
  StoredCode,
} from '@healthcode/service';
import { ServerConfigError } from '../errors.js';
import { IDENTIFIER, PURGES, assertIdentifiers, countsByStatus, purgeCutoffs, venueSummary } from './day-queries.js';
import { createPostgresAuthorityStore, type PgAccess } from './postgres-authority.js';
import { PG_MIGRATIONS } from './postgres-schema.js';
import {
  num,
  PENDING,
  str,
  tokenHash,
  toCheckin,
  toCode,
  toDeclaration,
  toEmployee,
  toIdempotency,
  toOrg,
  toReview,
  toUser,
  toVenue,
  type Row,
} from './rows.js';
import type { Storage } from './storage.js';

/** Options of {@link openPostgresStorage}. */
export interface PostgresStorageOptions {
  /** Connection URL, e.g. `postgres://healthcode@db.internal:5432/healthcode`. */
  url: string;
  /** Connections this process keeps open; default 10. Size the server's `max_connections` for every process. */
  poolSize?: number;
  /** Schema to create (if needed) and use instead of `public`, e.g. one per test. */
  schema?: string;
}

/** A {@link Storage} on PostgreSQL, whose key material every process using the database shares. */
export interface PostgresStorage extends Storage {
  /** The keyring state and trust list of all processes (table `keyring`). */
  readonly keyring: SharedKeyringStore;
}

/** Advisory lock ids (`pg_advisory_xact_lock`), constant so every process agrees on them. */
const LOCKS = { migrations: 720_001, keyring: 720_002 } as const;
/** Rate-limit windows are a minute; older ones are purged after this. */
const RATE_WINDOW_KEEP_MS = 10 * 60_000;

// Epoch milliseconds are bigint columns: read them (and counts) as numbers, exact below 2^53.
const BIGINT_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === BIGINT_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** `@name` parameters (numbers: instants and limits) as PostgreSQL's `$n::bigint`, with their values in order. */
function positional(sql: string, params: Record<string, number>): { text: string; values: number[] } {
  const values: number[] = [];
  const text = sql.replace(/@([a-zA-Z]+)/g, (_, name: string) => {
    values.push(params[name] ?? Number.NaN);
    return `$${values.length}::bigint`;
  });
  return { text, values };
}

/**
 * Opens a pool on the PostgreSQL database at `options.url` and brings its schema to the
 * current version (versioned migrations in `schema_migrations`, applied under an advisory
 * lock, so processes starting together migrate once). Every query is a named prepared
 * statement; the writes that must be atomic run in one transaction on one connection.
 *
 * @example
 * const storage = await openPostgresStorage({ url: 'postgres://healthcode@127.0.0.1/healthcode' });
 * const server = await createServer({ storage, keysDir: 'keys' });
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<PostgresStorage> {
  const schema = options.schema;
  if (schema !== undefined && !IDENTIFIER.test(schema)) {
    throw new ServerConfigError('server/invalid_options', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection's error (the server restarted) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);

  const query = async (db: Queryable, name: string, text: string, values: unknown[] = []): Promise<Row[]> =>
    (await db.query<Row>({ name, text, values })).rows;
  const one = async <T>(map: (r: Row) => T, name: string, text: string, values: unknown[]): Promise<T | undefined> => {
    const [row] = await query(pool, name, text, values);
    return row && map(row);
  };
  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  try {
    await transaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${LOCKS.migrations})`);
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const [row] = (await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations')).rows;
      for (let version = row?.version ?? 0; version < PG_MIGRATIONS.length; version++) {
        await client.query(PG_MIGRATIONS[version] ?? '');
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
      }
    });
  } catch (error) {
    await pool.end();
    throw error;
  }

  const codeValues = (c: StoredCode) => [
    c.codeId,
    c.userId,
    c.subjectId,
    c.status,
    c.region,
    JSON.stringify(c.display),
    c.qrText,
    c.keyId,
    c.issuedAt,
    c.expiresAt,
  ];
  const insertCode = (db: Queryable, c: StoredCode) =>
    query(
      db,
      'insert-code',
      `INSERT INTO codes (code_id, user_id, subject_id, status, region, display, qr_text, key_id, issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code_id) DO UPDATE SET status = excluded.status,
       display = excluded.display, qr_text = excluded.qr_text, key_id = excluded.key_id, issued_at = excluded.issued_at,
       expires_at = excluded.expires_at`,
      codeValues(c),
    );
  const latestCode = (db: Queryable, userId: string) =>
    query(db, 'latest-code', 'SELECT * FROM codes WHERE user_id = $1 ORDER BY issued_at DESC, seq DESC LIMIT 1', [userId]);
  // Serialises the writes of one user's current code (declarations and renewals) across processes.
  const lockUserCodes = (db: Queryable, userId: string) =>
    query(db, 'lock-user-codes', 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [userId]);
  // An answer replaces its key's pending claim; the first answer under a key wins.
  const saveAnswer = (db: Queryable, a: StoredAnswer | undefined) =>
    a &&
    query(
      db,
      'save-answer',
      `INSERT INTO idempotency VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = excluded.fingerprint,
       status = excluded.status, body = excluded.body, created_at = excluded.created_at WHERE idempotency.status = ${PENDING}`,
      [a.userId, a.key, a.fingerprint, a.status, JSON.stringify(a.body), a.createdAt],
    );

  async function claimIdempotencyKey(
    claim: IdempotencyClaim,
    staleBefore = Number.MIN_SAFE_INTEGER,
  ): Promise<IdempotencyRecord | undefined> {
    // A claim released between our insert and our read leaves nothing to read: claim again.
    for (;;) {
      // A pending claim made before staleBefore belongs to a process that died: it is taken over.
      const taken = await query(
        pool,
        'claim-key',
        `INSERT INTO idempotency VALUES ($1, $2, $3, ${PENDING}, 'null', $4) ON CONFLICT (user_id, key) DO UPDATE
         SET fingerprint = excluded.fingerprint, created_at = excluded.created_at
         WHERE idempotency.status = ${PENDING} AND idempotency.created_at < $5 RETURNING 1 AS taken`,
        [claim.userId, claim.key, claim.fingerprint, claim.createdAt, staleBefore],
      );
      if (taken.length === 1) return undefined;
      const earlier = await one(toIdempotency, 'get-key', 'SELECT * FROM idempotency WHERE user_id = $1 AND key = $2', [
        claim.userId,
        claim.key,
      ]);
      if (earlier) return earlier;
    }
  }

  async function summariseOrgDay(orgId: string, from: number, to: number): Promise<OrgDaySummary> {
    // One snapshot for the five aggregates, so they agree with each other.
    return transaction(async (db) => {
      const range = [orgId, from, to];
      // One index probe per employee (LATERAL, whatever the planner thinks of the day's
      // declarations): the count per latest status, and those with none as JSON rows.
      const staff = await query(
        db,
        'employees-day',
        `WITH staff AS MATERIALIZED (SELECT e.employee_id, e.org_id, e.subject_id, e.label, e.created_at, e.seq, latest.status
         FROM employees e LEFT JOIN LATERAL (SELECT d.status FROM declarations d WHERE d.subject_id = e.subject_id
         AND d.declared_at >= $2 AND d.declared_at < $3 ORDER BY d.declared_at DESC LIMIT 1) latest ON true WHERE e.org_id = $1)
         SELECT status, count(*) AS n, CASE WHEN status IS NULL THEN json_agg(json_build_object('employee_id', employee_id,
         'org_id', org_id, 'subject_id', subject_id, 'label', label, 'created_at', created_at) ORDER BY created_at, seq) END AS missing
         FROM staff GROUP BY status`,
        range,
      );
      const verified = (status: string) => `count(*) FILTER (WHERE valid AND subject_id IS NOT NULL AND status = '${status}')`;
      const venues = await query(
        db,
        'venue-day',
        `SELECT v.venue_id, v.name, a.* FROM venues v LEFT JOIN (SELECT venue_id AS at_venue, count(*) AS checkins,
         count(*) FILTER (WHERE NOT (valid AND status IS NOT NULL AND subject_id IS NOT NULL)) AS rejected,
         ${verified('green')} AS green, ${verified('yellow')} AS yellow, ${verified('red')} AS red
         FROM checkins WHERE org_id = $1 AND checked_in_at >= $2 AND checked_in_at < $3 GROUP BY venue_id) a
         ON a.at_venue = v.venue_id WHERE v.org_id = $1 ORDER BY v.created_at, v.seq`,
        range,
      );
      const visitors = countsByStatus(
        await query(
          db,
          'visitors-by-status',
          `SELECT status, count(*) AS n FROM (SELECT DISTINCT ON (c.subject_id) c.status FROM checkins c
           WHERE c.org_id = $1 AND c.checked_in_at >= $2 AND c.checked_in_at < $3
           AND c.valid AND c.status IS NOT NULL AND c.subject_id IS NOT NULL
           AND c.venue_id IN (SELECT venue_id FROM venues WHERE org_id = $1)
           -- NOT IN over a hashed list of the staff, not one probe per check-in.
           AND c.subject_id NOT IN (SELECT subject_id FROM employees WHERE org_id = $1)
           ORDER BY c.subject_id, c.checked_in_at DESC, c.seq DESC) latest GROUP BY status`,
          range,
        ),
      );
      const missing = staff.find((r) => r.status === null)?.missing;
      return {
        employees: staff.reduce((n, r) => n + num(r.n), 0),
        declaredByStatus: countsByStatus(staff),
        notDeclared: ((missing ?? []) as Row[]).map(toEmployee),
        venues: venues.map(venueSummary),
        visitors: { total: visitors.green + visitors.yellow + visitors.red, byStatus: visitors },
      };
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async function purgeExpired(now: number, retention: Parameters<Storage['purgeExpired']>[1]): Promise<PurgeReport> {
    const report: PurgeReport = { sessions: 0, idempotency: 0, declarations: 0, codes: 0, checkins: 0 };
    const params = { ...purgeCutoffs(now, retention), limit: retention.batchSize };
    for (const { kind, table, where } of PURGES) {
      const { text, values } = positional(
        `DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${where} LIMIT @limit)`,
        params,
      );
      // Each batch is its own statement (and transaction): no lock is held for long.
      for (let removed = retention.batchSize; removed === retention.batchSize;) {
        removed = (await pool.query({ name: `purge-${kind}`, text, values })).rowCount ?? 0;
        report[kind] += removed;
      }
    }
    await query(pool, 'purge-rate-windows', 'DELETE FROM rate_windows WHERE window_start < $1', [now - RATE_WINDOW_KEEP_MS]);
    return report;
  }

  const keyring: SharedKeyringStore = {
    async read() {
      const [row] = await query(pool, 'read-keyring', 'SELECT state, signed_trust_list FROM keyring WHERE id = 1');
      return row && sharedKeys(row);
    },
    update(change) {
      return transaction(async (db) => {
        await db.query(`SELECT pg_advisory_xact_lock(${LOCKS.keyring})`);
        const [row] = await query(db, 'read-keyring', 'SELECT state, signed_trust_list FROM keyring WHERE id = 1');
        const next = await change(row && sharedKeys(row));
        await query(
          db,
          'write-keyring',
          `INSERT INTO keyring VALUES (1, $1, $2, $3) ON CONFLICT (id) DO UPDATE SET state = excluded.state,
           signed_trust_list = excluded.signed_trust_list, updated_at = excluded.updated_at`,
          [JSON.stringify(next.state), next.signedTrustList ?? null, Date.now()],
        );
        return next;
      });
    },
  };

  const access: PgAccess = {
    query: (name, text, values) => query(pool, name, text, values),
    transaction: (work) => transaction((client) => work({ query: (name, text, values) => query(client, name, text, values) })),
  };

  let closing: Promise<void> | undefined;
  return {
    keyring,
    authority: createPostgresAuthorityStore(access, tokenHash),
    async ping() {
      await pool.query('SELECT 1');
    },
    getUser: (userId) => one(toUser, 'get-user', 'SELECT * FROM users WHERE user_id = $1', [userId]),
    async saveUser(u) {
      // An update leaves subject_id alone: only a declaration binds it.
      await query(
        pool,
        'save-user',
        `INSERT INTO users (user_id, host, identity_status, review_id, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE SET host = excluded.host, identity_status = excluded.identity_status, review_id = excluded.review_id`,
        [u.userId, u.host, u.identityStatus, u.reviewId ?? null, u.createdAt],
      );
    },
    async saveSession(token, s) {
      await query(
        pool,
        'save-session',
        'INSERT INTO sessions VALUES ($1, $2, $3) ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at',
        [tokenHash(token), s.userId, s.expiresAt],
      );
    },
    findSession: (token) =>
      one(
        (r) => ({ userId: str(r.user_id), expiresAt: num(r.expires_at) }),
        'find-session',
        'SELECT user_id, expires_at FROM sessions WHERE token_hash = $1',
        [tokenHash(token)],
      ),
    async deleteSession(token) {
      await query(pool, 'delete-session', 'DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
    },
    async saveReview(r) {
      await query(
        pool,
        'save-review',
        `INSERT INTO reviews VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (review_id) DO UPDATE SET user_id = excluded.user_id,
         passport = excluded.passport, submitted_at = excluded.submitted_at, identity_status = excluded.identity_status, decided_at = excluded.decided_at`,
        [r.reviewId, r.userId, JSON.stringify(r.passport), r.submittedAt, r.identityStatus, r.decidedAt ?? null],
      );
    },
    getReview: (reviewId) => one(toReview, 'get-review', 'SELECT * FROM reviews WHERE review_id = $1', [reviewId]),
    async listPendingReviews(limit) {
      return (
        await query(
          pool,
          'pending-reviews',
          "SELECT * FROM reviews WHERE identity_status = 'pending_review' ORDER BY submitted_at LIMIT $1",
          [limit],
        )
      ).map(toReview);
    },
    commitDeclaration({ declaration: d, code, idempotency }) {
      return transaction(async (db) => {
        await lockUserCodes(db, d.userId);
        const bound = await query(
          db,
          'bind-subject',
          'UPDATE users SET subject_id = $2 WHERE user_id = $1 AND (subject_id IS NULL OR subject_id = $2) RETURNING 1 AS bound',
          [d.userId, d.subjectId],
        );
        if (bound.length !== 1) return false;
        await query(db, 'insert-declaration', 'INSERT INTO declarations VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          d.declarationId,
          d.userId,
          d.subjectId,
          d.formVersion,
          JSON.stringify(d.declaration),
          JSON.stringify(d.assessment),
          d.status,
          d.declaredAt,
        ]);
        await insertCode(db, code);
        await saveAnswer(db, idempotency);
        return true;
      });
    },
    async listDeclarations(subjectId, since) {
      return (
        await query(
          pool,
          'list-declarations',
          'SELECT * FROM declarations WHERE subject_id = $1 AND declared_at >= $2 ORDER BY declared_at',
          [subjectId, since],
        )
      ).map(toDeclaration);
    },
    async saveCode(code) {
      await insertCode(pool, code);
    },
    async latestCode(userId) {
      const [row] = await latestCode(pool, userId);
      return row && toCode(row);
    },
    renewCode(code, previousCodeId) {
      return transaction(async (db) => {
        await lockUserCodes(db, code.userId);
        const [current] = await latestCode(db, code.userId);
        if (current && current.code_id !== previousCodeId) return toCode(current);
        await insertCode(db, code);
        return code;
      });
    },
    async outstandingCodes(subjectId, now) {
      return (
        await query(pool, 'outstanding-codes', 'SELECT * FROM codes WHERE subject_id = $1 AND expires_at > $2', [subjectId, now])
      ).map(toCode);
    },
    claimIdempotencyKey,
    async releaseIdempotencyKey(userId, key) {
      await query(pool, 'release-key', `DELETE FROM idempotency WHERE user_id = $1 AND key = $2 AND status = ${PENDING}`, [userId, key]);
    },
    async saveOrg(org, adminToken) {
      await query(
        pool,
        'save-org',
        'INSERT INTO orgs VALUES ($1, $2, $3, $4) ON CONFLICT (org_id) DO UPDATE SET name = excluded.name, admin_token_hash = excluded.admin_token_hash',
        [org.orgId, org.name, tokenHash(adminToken), org.createdAt],
      );
    },
    getOrg: (orgId) => one(toOrg, 'get-org', 'SELECT * FROM orgs WHERE org_id = $1', [orgId]),
    findOrgByAdminToken: (token) => one(toOrg, 'org-by-token', 'SELECT * FROM orgs WHERE admin_token_hash = $1', [tokenHash(token)]),
    async addEmployee(e) {
      const added = await query(
        pool,
        'add-employee',
        `INSERT INTO employees (employee_id, org_id, subject_id, label, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING 1 AS added`,
        [e.employeeId, e.orgId, e.subjectId, e.label ?? null, e.createdAt],
      );
      return added.length === 1;
    },
    async listEmployees(orgId) {
      return (await query(pool, 'list-employees', 'SELECT * FROM employees WHERE org_id = $1 ORDER BY created_at, seq', [orgId])).map(
        toEmployee,
      );
    },
    async saveVenue(v, scannerToken) {
      await query(
        pool,
        'save-venue',
        `INSERT INTO venues (venue_id, org_id, name, address, created_at, scanner_token_hash) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (venue_id) DO UPDATE SET org_id = excluded.org_id, name = excluded.name, address = excluded.address,
         scanner_token_hash = excluded.scanner_token_hash`,
        [v.venueId, v.orgId, v.name, v.address ?? null, v.createdAt, tokenHash(scannerToken)],
      );
    },
    findVenueByScannerToken: (token) =>
      one(toVenue, 'venue-by-token', 'SELECT * FROM venues WHERE scanner_token_hash = $1', [tokenHash(token)]),
    async listVenues(orgId) {
      return (await query(pool, 'list-venues', 'SELECT * FROM venues WHERE org_id = $1 ORDER BY created_at, seq', [orgId])).map(toVenue);
    },
    async commitCheckin({ checkin: c, idempotency }) {
      const insert = (db: Queryable) =>
        query(
          db,
          'insert-checkin',
          `INSERT INTO checkins (checkin_id, venue_id, org_id, scanned_by, valid, subject_id, status, reason, checked_in_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [c.checkinId, c.venueId, c.orgId, c.scannedBy, c.valid, c.subjectId ?? null, c.status ?? null, c.reason ?? null, c.checkedInAt],
        );
      // Without an answer to store, one statement is its own transaction.
      if (!idempotency) await insert(pool);
      else await transaction(async (db) => (await insert(db), saveAnswer(db, idempotency)));
    },
    async listCheckins(orgId, from, to) {
      return (
        await query(
          pool,
          'list-checkins',
          'SELECT * FROM checkins WHERE org_id = $1 AND checked_in_at >= $2 AND checked_in_at < $3 ORDER BY checked_in_at, seq',
          [orgId, from, to],
        )
      ).map(toCheckin);
    },
    summariseOrgDay,
    async countInWindow(key, windowStart) {
      const [row] = await query(
        pool,
        'count-in-window',
        `INSERT INTO rate_windows VALUES ($1, $2, 1) ON CONFLICT (key, window_start) DO UPDATE SET count = rate_windows.count + 1 RETURNING count`,
        [key, windowStart],
      );
      return num(row?.count);
    },
    purgeExpired,
    async insertMany(table, columns, rows) {
      assertIdentifiers(table, columns);
      // COPY: the fastest way in, no statement to parse and no parameters to bind per row.
      const client = await pool.connect();
      try {
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
        await pipeline(Readable.from(copyLines(rows)), stream);
      } finally {
        client.release();
      }
    },
    async explain(sql, values) {
      const rows = (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [...values])).rows;
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    },
    async sizeInBytes() {
      const [row] = (await pool.query<Row>('SELECT pg_database_size(current_database()) AS bytes')).rows;
      return num(row?.bytes);
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}

/** A value in COPY's text format: `\\N` for null, backslash escapes for the separators. */
const copyValue = (v: unknown): string =>
  v === null || v === undefined
    ? '\\N'
    : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c);

/** Rows as COPY text lines, a few thousand per chunk. */
function* copyLines(rows: readonly unknown[][]): Generator<string> {
  for (let start = 0; start < rows.length; start += 4_096) {
    yield rows
      .slice(start, start + 4_096)
      .map((row) => `${row.map(copyValue).join('\t')}\n`)
      .join('');
  }
}

function sharedKeys(row: Row): SharedKeys {
  const signed = row.signed_trust_list;
  return { state: JSON.parse(str(row.state)) as SharedKeys['state'], ...(typeof signed === 'string' ? { signedTrustList: signed } : {}) };
}
