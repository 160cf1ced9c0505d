/**
 * PostgreSQL schema, one entry per version (rows of `schema_migrations`). Append; never
 * edit a shipped entry. The columns are SQLite's (the stores share their row mapping);
 * instants are epoch milliseconds (bigint), JSON is kept as text. `seq` columns keep
 * insertion order where SQLite has its rowid.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    user_id text PRIMARY KEY, host text NOT NULL, identity_status text NOT NULL,
    review_id text, subject_id text, created_at bigint NOT NULL);
  CREATE TABLE sessions (
    token_hash text PRIMARY KEY, user_id text NOT NULL, expires_at bigint NOT NULL);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  CREATE TABLE reviews (
    review_id text PRIMARY KEY, user_id text NOT NULL, passport text NOT NULL,
    submitted_at bigint NOT NULL, identity_status text NOT NULL, decided_at bigint);
  CREATE INDEX reviews_by_status ON reviews (identity_status, submitted_at);
  CREATE TABLE declarations (
    declaration_id text PRIMARY KEY, user_id text NOT NULL, subject_id text NOT NULL,
    form_version text NOT NULL, declaration text NOT NULL, assessment text NOT NULL,
    status text NOT NULL, declared_at bigint NOT NULL);
  CREATE INDEX declarations_by_subject ON declarations (subject_id, declared_at) INCLUDE (status);
  CREATE INDEX declarations_by_age ON declarations (declared_at);
  CREATE TABLE codes (
    seq bigint GENERATED ALWAYS AS IDENTITY, code_id text PRIMARY KEY, user_id text NOT NULL,
    subject_id text NOT NULL, status text NOT NULL, region text NOT NULL, display text NOT NULL,
    qr_text text NOT NULL, key_id text NOT NULL, issued_at bigint NOT NULL, expires_at bigint NOT NULL);
  CREATE INDEX codes_by_user ON codes (user_id, issued_at DESC, seq DESC);
  CREATE INDEX codes_by_expiry ON codes (expires_at);
  CREATE TABLE idempotency (
    user_id text NOT NULL, key text NOT NULL, fingerprint text NOT NULL,
    status integer NOT NULL, body text NOT NULL, created_at bigint NOT NULL,
    PRIMARY KEY (user_id, key));
  CREATE INDEX idempotency_by_age ON idempotency (created_at);
  CREATE TABLE orgs (
    org_id text PRIMARY KEY, name text NOT NULL, admin_token_hash text NOT NULL UNIQUE,
    created_at bigint NOT NULL);
  CREATE TABLE employees (
    seq bigint GENERATED ALWAYS AS IDENTITY, employee_id text PRIMARY KEY, org_id text NOT NULL,
    subject_id text NOT NULL, label text, created_at bigint NOT NULL, UNIQUE (org_id, subject_id));
  CREATE TABLE venues (
    seq bigint GENERATED ALWAYS AS IDENTITY, venue_id text PRIMARY KEY, org_id text NOT NULL,
    name text NOT NULL, address text, created_at bigint NOT NULL, scanner_token_hash text UNIQUE);
  CREATE INDEX venues_by_org ON venues (org_id, created_at, seq);
  CREATE TABLE checkins (
    seq bigint GENERATED ALWAYS AS IDENTITY, checkin_id text PRIMARY KEY, venue_id text NOT NULL,
    org_id text NOT NULL, scanned_by text NOT NULL, valid boolean NOT NULL, subject_id text,
    status text, reason text, checked_in_at bigint NOT NULL);
  CREATE INDEX checkins_by_org ON checkins (org_id, checked_in_at) INCLUDE (venue_id, valid, status, subject_id, seq);
  CREATE INDEX checkins_by_age ON checkins (checked_in_at);
  -- Per-key request counts of every server process (rate limits), one row per fixed window.
  CREATE TABLE rate_windows (
    key text NOT NULL, window_start bigint NOT NULL, count integer NOT NULL,
    PRIMARY KEY (key, window_start));
  CREATE INDEX rate_windows_by_age ON rate_windows (window_start);
  -- The key material all server processes share (secret: back it up like the keys directory).
  CREATE TABLE keyring (
    id integer PRIMARY KEY CHECK (id = 1), state text NOT NULL, signed_trust_list text,
    updated_at bigint NOT NULL);
  `,
  // Version 2: the health authority's area (postgres-authority.ts, the tables of SQLite's
  // version 4) and codes by subject, to revoke a subject's outstanding codes. Keys compared
  // by range (stay prefixes, appeal ids) use the C collation, as SQLite compares bytes.
  `
  CREATE INDEX codes_by_subject ON codes (subject_id, expires_at);
  CREATE TABLE operators (
    operator_id text PRIMARY KEY, name text NOT NULL, token_hash text NOT NULL UNIQUE,
    created_at bigint NOT NULL, revoked_at bigint);
  CREATE TABLE audit_log (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at bigint NOT NULL, actor text NOT NULL,
    action text NOT NULL, target text NOT NULL, reason text, details text);
  CREATE TABLE rule_sets (
    seq bigint GENERATED ALWAYS AS IDENTITY, version text PRIMARY KEY, rule_set text NOT NULL,
    published_at bigint NOT NULL, published_by text NOT NULL);
  CREATE TABLE fact_batches (
    batch_id text PRIMARY KEY, kind text NOT NULL, lines integer NOT NULL, subjects integer NOT NULL,
    received_at bigint NOT NULL, received_by text NOT NULL);
  CREATE TABLE fact_contacts (
    subject_id text NOT NULL, case_type text NOT NULL, last_contact_date text NOT NULL,
    source text NOT NULL, batch_id text NOT NULL, recorded_at bigint NOT NULL);
  CREATE INDEX fact_contacts_by_subject ON fact_contacts (subject_id);
  CREATE TABLE fact_tests (
    subject_id text NOT NULL, sampled_at bigint NOT NULL, result text NOT NULL,
    lab_id text NOT NULL, batch_id text NOT NULL, recorded_at bigint NOT NULL);
  CREATE INDEX fact_tests_by_subject ON fact_tests (subject_id);
  CREATE TABLE manual_statuses (
    status_id text PRIMARY KEY, subject_id text NOT NULL, record text NOT NULL, lifted_at bigint);
  CREATE INDEX manual_statuses_by_subject ON manual_statuses (subject_id);
  CREATE TABLE appeals (
    appeal_id text COLLATE "C" PRIMARY KEY, user_id text NOT NULL, state text NOT NULL,
    filed_at bigint NOT NULL, record text NOT NULL);
  CREATE INDEX appeals_by_user ON appeals (user_id, filed_at);
  CREATE INDEX appeals_by_state ON appeals (state, filed_at, appeal_id);
  CREATE TABLE stays (
    prefix text COLLATE "C" NOT NULL, to_day text COLLATE "C" NOT NULL, from_day text COLLATE "C" NOT NULL,
    subject_id text NOT NULL, PRIMARY KEY (prefix, to_day, from_day, subject_id));
  CREATE TABLE evaluations (
    subject_id text PRIMARY KEY, evaluation text NOT NULL, evaluated_at bigint NOT NULL);
  `,
];
