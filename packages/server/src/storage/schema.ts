/**
 * SQLite schema, one entry per version (`PRAGMA user_version`). Append; never edit a
 * shipped entry. Instants are epoch milliseconds; JSON columns hold serialised objects.
 * An `idempotency` row with `status` 0 is a pending claim: its request is still running.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    user_id TEXT PRIMARY KEY, host TEXT NOT NULL, identity_status TEXT NOT NULL,
    review_id TEXT, created_at INTEGER NOT NULL);
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
  CREATE TABLE reviews (
    review_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, passport TEXT NOT NULL,
    submitted_at INTEGER NOT NULL, identity_status TEXT NOT NULL, decided_at INTEGER);
  CREATE INDEX reviews_by_status ON reviews (identity_status, submitted_at);
  CREATE TABLE declarations (
    declaration_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, subject_id TEXT NOT NULL,
    form_version TEXT NOT NULL, declaration TEXT NOT NULL, assessment TEXT NOT NULL,
    status TEXT NOT NULL, declared_at INTEGER NOT NULL);
  CREATE INDEX declarations_by_subject ON declarations (subject_id, declared_at);
  CREATE TABLE codes (
    code_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, subject_id TEXT NOT NULL,
    status TEXT NOT NULL, region TEXT NOT NULL, display TEXT NOT NULL, qr_text TEXT NOT NULL,
    key_id TEXT NOT NULL, issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
  CREATE INDEX codes_by_user ON codes (user_id, issued_at);
  CREATE TABLE idempotency (
    user_id TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, key));
  CREATE TABLE orgs (
    org_id TEXT PRIMARY KEY, name TEXT NOT NULL, admin_token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL);
  CREATE TABLE employees (
    employee_id TEXT PRIMARY KEY, org_id TEXT NOT NULL, subject_id TEXT NOT NULL,
    label TEXT, created_at INTEGER NOT NULL, UNIQUE (org_id, subject_id));
  CREATE TABLE venues (
    venue_id TEXT PRIMARY KEY, org_id TEXT NOT NULL, name TEXT NOT NULL, address TEXT,
    created_at INTEGER NOT NULL);
  CREATE INDEX venues_by_org ON venues (org_id);
  CREATE TABLE checkins (
    checkin_id TEXT PRIMARY KEY, venue_id TEXT NOT NULL, org_id TEXT NOT NULL,
    scanned_by TEXT NOT NULL, valid INTEGER NOT NULL, subject_id TEXT, status TEXT,
    reason TEXT, checked_in_at INTEGER NOT NULL);
  CREATE INDEX checkins_by_org ON checkins (org_id, checked_in_at);
  `,
  // Version 2: the housekeeping purge deletes by age.
  `
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  CREATE INDEX idempotency_by_age ON idempotency (created_at);
  `,
  // Version 3: scanner credentials of venues (venues made before have none and take no
  // check-ins until recreated), and the subject each user is bound to.
  `
  ALTER TABLE venues ADD COLUMN scanner_token_hash TEXT;
  CREATE UNIQUE INDEX venues_by_scanner_token ON venues (scanner_token_hash);
  ALTER TABLE users ADD COLUMN subject_id TEXT;
  `,
  // Version 4: the health authority's area (sqlite-authority.ts) and codes by subject, to
  // revoke a subject's outstanding codes when its colour gets worse.
  `
  CREATE INDEX codes_by_subject ON codes (subject_id, expires_at);
  CREATE TABLE operators (
    operator_id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL, revoked_at INTEGER);
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL,
    action TEXT NOT NULL, target TEXT NOT NULL, reason TEXT, details TEXT);
  CREATE TABLE rule_sets (
    version TEXT PRIMARY KEY, rule_set TEXT NOT NULL, published_at INTEGER NOT NULL,
    published_by TEXT NOT NULL);
  CREATE TABLE fact_batches (
    batch_id TEXT PRIMARY KEY, kind TEXT NOT NULL, lines INTEGER NOT NULL, subjects INTEGER NOT NULL,
    received_at INTEGER NOT NULL, received_by TEXT NOT NULL);
  CREATE TABLE fact_contacts (
    subject_id TEXT NOT NULL, case_type TEXT NOT NULL, last_contact_date TEXT NOT NULL,
    source TEXT NOT NULL, batch_id TEXT NOT NULL, recorded_at INTEGER NOT NULL);
  CREATE INDEX fact_contacts_by_subject ON fact_contacts (subject_id);
  CREATE TABLE fact_tests (
    subject_id TEXT NOT NULL, sampled_at INTEGER NOT NULL, result TEXT NOT NULL,
    lab_id TEXT NOT NULL, batch_id TEXT NOT NULL, recorded_at INTEGER NOT NULL);
  CREATE INDEX fact_tests_by_subject ON fact_tests (subject_id);
  CREATE TABLE manual_statuses (
    status_id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, record TEXT NOT NULL, lifted_at INTEGER);
  CREATE INDEX manual_statuses_by_subject ON manual_statuses (subject_id);
  CREATE TABLE appeals (
    appeal_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, state TEXT NOT NULL,
    filed_at INTEGER NOT NULL, record TEXT NOT NULL);
  CREATE INDEX appeals_by_user ON appeals (user_id, filed_at);
  CREATE INDEX appeals_by_state ON appeals (state, filed_at, appeal_id);
  CREATE TABLE stays (
    prefix TEXT NOT NULL, to_day TEXT NOT NULL, from_day TEXT NOT NULL, subject_id TEXT NOT NULL,
    PRIMARY KEY (prefix, to_day, from_day, subject_id)) WITHOUT ROWID;
  CREATE TABLE evaluations (
    subject_id TEXT PRIMARY KEY, evaluation TEXT NOT NULL, evaluated_at INTEGER NOT NULL);
  `,
  // Version 5: the dashboard aggregates in SQL over covering indexes (an organisation's day
  // is read from the index alone), and retention purges by age.
  `
  DROP INDEX declarations_by_subject;
  CREATE INDEX declarations_by_subject ON declarations (subject_id, declared_at, status);
  CREATE INDEX declarations_by_age ON declarations (declared_at);
  DROP INDEX checkins_by_org;
  CREATE INDEX checkins_by_org ON checkins (org_id, checked_in_at, venue_id, valid, status, subject_id);
  CREATE INDEX checkins_by_age ON checkins (checked_in_at);
  CREATE INDEX codes_by_expiry ON codes (expires_at);
  `,
];
