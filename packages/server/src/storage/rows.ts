import { createHash } from 'node:crypto';
import type {
  StoredCheckin,
  StoredCode,
  StoredDeclaration,
  StoredEmployee,
  IdempotencyRecord,
  StoredOrg,
  StoredReview,
  StoredUser,
  StoredVenue,
} from '@healthcode/service';
import type { HealthStatus } from '@healthcode/core';

// The row mapping both SQL stores share: their tables have the same columns, JSON kept as text.

/** Tokens are kept only as SHA-256 digests: a copied database yields no usable session. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export type Row = Record<string, unknown>;
export const str = (v: unknown) => v as string;
export const num = (v: unknown) => v as number;
const opt = <T>(v: unknown) => (v === null || v === undefined ? undefined : (v as T));
const json = <T>(v: unknown) => JSON.parse(v as string) as T;

// Optional members are left out, not set to undefined, so records compare equal to what was saved.
function compact<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) if (record[key] === undefined) delete record[key];
  return record;
}

export const toUser = (r: Row): StoredUser =>
  compact({
    userId: str(r.user_id),
    host: str(r.host),
    identityStatus: str(r.identity_status) as StoredUser['identityStatus'],
    reviewId: opt<string>(r.review_id),
    subjectId: opt<string>(r.subject_id),
    createdAt: num(r.created_at),
  });
export const toReview = (r: Row): StoredReview =>
  compact({
    reviewId: str(r.review_id),
    userId: str(r.user_id),
    passport: json(r.passport),
    submittedAt: num(r.submitted_at),
    identityStatus: str(r.identity_status) as StoredReview['identityStatus'],
    decidedAt: opt<number>(r.decided_at),
  });
export const toDeclaration = (r: Row): StoredDeclaration => ({
  declarationId: str(r.declaration_id),
  userId: str(r.user_id),
  subjectId: str(r.subject_id),
  formVersion: str(r.form_version),
  declaration: json(r.declaration),
  assessment: json(r.assessment),
  status: str(r.status) as HealthStatus,
  declaredAt: num(r.declared_at),
});
export const toCode = (r: Row): StoredCode => ({
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
export const PENDING = 0;
export const toIdempotency = (r: Row): IdempotencyRecord => {
  const claim = { userId: str(r.user_id), key: str(r.key), fingerprint: str(r.fingerprint), createdAt: num(r.created_at) };
  return r.status === PENDING ? { state: 'pending', ...claim } : { state: 'answered', ...claim, status: num(r.status), body: json(r.body) };
};
export const toOrg = (r: Row): StoredOrg => ({ orgId: str(r.org_id), name: str(r.name), createdAt: num(r.created_at) });
export const toEmployee = (r: Row): StoredEmployee =>
  compact({
    employeeId: str(r.employee_id),
    orgId: str(r.org_id),
    subjectId: str(r.subject_id),
    label: opt<string>(r.label),
    createdAt: num(r.created_at),
  });
export const toVenue = (r: Row): StoredVenue =>
  compact({
    venueId: str(r.venue_id),
    orgId: str(r.org_id),
    name: str(r.name),
    address: opt<string>(r.address),
    createdAt: num(r.created_at),
  });
export const toCheckin = (r: Row): StoredCheckin =>
  compact({
    checkinId: str(r.checkin_id),
    venueId: str(r.venue_id),
    orgId: str(r.org_id),
    scannedBy: str(r.scanned_by),
    valid: r.valid === 1 || r.valid === true,
    subjectId: opt<string>(r.subject_id),
    status: opt<HealthStatus>(r.status),
    reason: opt<string>(r.reason),
    checkedInAt: num(r.checked_in_at),
  });
