import type {
  StoredCheckin,
  StoredCode,
  StoredDeclaration,
  StoredEmployee,
  IdempotencyRecord,
  StoredAnswer,
  StoredOrg,
  StoredReview,
  ServiceStore,
  StoredUser,
  StoredVenue,
} from './store.js';
import { summariseOrgDayInMemory } from './day-summary.js';

// Records go in and out as copies, so a caller mutating what it got cannot change the store.
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

const byTime =
  <T>(time: (r: T) => number) =>
  (a: T, b: T) =>
    time(a) - time(b);

/**
 * A `ServiceStore` in plain Maps, for tests, demos and the browser playground. It
 * forgets everything when dropped; tokens are kept as given (nothing is at rest).
 */
export function createMemoryStore(): ServiceStore {
  const users = new Map<string, StoredUser>();
  const sessions = new Map<string, { userId: string; expiresAt: number }>();
  const reviews = new Map<string, StoredReview>();
  let declarations: StoredDeclaration[] = [];
  const codes = new Map<string, StoredCode>();
  // Every code until it expires, for outstandingCodes; pruned as codes are added.
  // Every code ever issued, oldest first, for retention; `codes` holds each user's current one.
  let history: StoredCode[] = [];
  let unexpired: StoredCode[] = [];
  const issued = (code: StoredCode) => {
    codes.set(code.userId, copy(code));
    unexpired = [...unexpired.filter((c) => c.expiresAt > code.issuedAt), copy(code)];
    history.push(copy(code));
  };
  const idempotency = new Map<string, IdempotencyRecord>();
  const orgs = new Map<string, StoredOrg>();
  const orgTokens = new Map<string, string>();
  const employees: StoredEmployee[] = [];
  const venues = new Map<string, StoredVenue>();
  const scannerTokens = new Map<string, string>();
  let checkins: StoredCheckin[] = [];
  const inRange = (at: number, from: number, to: number) => at >= from && at < to;
  const idemKey = (userId: string, key: string) => JSON.stringify([userId, key]);
  // An answer replaces its key's pending claim; the first answer under a key wins, as in SQLite.
  const remember = (answer: StoredAnswer | undefined) => {
    if (!answer) return;
    const id = idemKey(answer.userId, answer.key);
    if (idempotency.get(id)?.state !== 'answered') idempotency.set(id, { ...copy(answer), state: 'answered' });
  };

  return {
    async ping() {},
    async getUser(userId) {
      return copy(users.get(userId));
    },
    async saveUser(user) {
      const { subjectId, ...fields } = copy(user);
      // Only a declaration binds the subject (commitDeclaration): a save keeps the stored one.
      const bound = users.has(user.userId) ? users.get(user.userId)?.subjectId : subjectId;
      users.set(user.userId, bound === undefined ? fields : { ...fields, subjectId: bound });
    },
    async saveSession(token, session) {
      sessions.set(token, copy(session));
    },
    async findSession(token) {
      return copy(sessions.get(token));
    },
    async deleteSession(token) {
      sessions.delete(token);
    },
    async saveReview(review) {
      reviews.set(review.reviewId, copy(review));
    },
    async getReview(reviewId) {
      return copy(reviews.get(reviewId));
    },
    async listPendingReviews(limit) {
      return copy(
        [...reviews.values()]
          .filter((r) => r.identityStatus === 'pending_review')
          .sort(byTime((r) => r.submittedAt))
          .slice(0, limit),
      );
    },
    async commitDeclaration({ declaration, code, idempotency: answer }) {
      const user = users.get(declaration.userId);
      if (!user || (user.subjectId !== undefined && user.subjectId !== declaration.subjectId)) return false;
      user.subjectId = declaration.subjectId;
      declarations.push(copy(declaration));
      issued(code);
      remember(answer);
      return true;
    },
    async listDeclarations(subjectId, since) {
      return copy(declarations.filter((d) => d.subjectId === subjectId && d.declaredAt >= since).sort(byTime((d) => d.declaredAt)));
    },
    async saveCode(code) {
      issued(code);
    },
    async latestCode(userId) {
      return copy(codes.get(userId));
    },
    async renewCode(code, previousCodeId) {
      const current = codes.get(code.userId);
      if (current && current.codeId !== previousCodeId) return copy(current);
      issued(code);
      return copy(code);
    },
    async outstandingCodes(subjectId, now) {
      return copy(unexpired.filter((c) => c.subjectId === subjectId && c.expiresAt > now));
    },
    async claimIdempotencyKey(claim, staleBefore = -Infinity) {
      // No await between the lookup and the set: the claim is atomic on the event loop.
      const id = idemKey(claim.userId, claim.key);
      const earlier = idempotency.get(id);
      if (earlier && !(earlier.state === 'pending' && earlier.createdAt < staleBefore)) return copy(earlier);
      idempotency.set(id, { ...copy(claim), state: 'pending' });
      return undefined;
    },
    async releaseIdempotencyKey(userId, key) {
      const id = idemKey(userId, key);
      if (idempotency.get(id)?.state === 'pending') idempotency.delete(id);
    },
    async saveOrg(org, adminToken) {
      orgs.set(org.orgId, copy(org));
      orgTokens.set(adminToken, org.orgId);
    },
    async getOrg(orgId) {
      return copy(orgs.get(orgId));
    },
    async findOrgByAdminToken(adminToken) {
      const orgId = orgTokens.get(adminToken);
      return orgId === undefined ? undefined : copy(orgs.get(orgId));
    },
    async addEmployee(employee) {
      if (employees.some((e) => e.orgId === employee.orgId && e.subjectId === employee.subjectId)) return false;
      employees.push(copy(employee));
      return true;
    },
    async listEmployees(orgId) {
      return copy(employees.filter((e) => e.orgId === orgId));
    },
    async saveVenue(venue, scannerToken) {
      venues.set(venue.venueId, copy(venue));
      scannerTokens.set(scannerToken, venue.venueId);
    },
    async findVenueByScannerToken(scannerToken) {
      const venueId = scannerTokens.get(scannerToken);
      return venueId === undefined ? undefined : copy(venues.get(venueId));
    },
    async listVenues(orgId) {
      return copy([...venues.values()].filter((v) => v.orgId === orgId));
    },
    async commitCheckin({ checkin, idempotency: answer }) {
      checkins.push(copy(checkin));
      remember(answer);
    },
    async listCheckins(orgId, from, to) {
      return copy(checkins.filter((c) => c.orgId === orgId && inRange(c.checkedInAt, from, to)));
    },
    async summariseOrgDay(orgId, from, to) {
      const day = declarations.filter((d) => inRange(d.declaredAt, from, to)).sort(byTime((d) => d.declaredAt));
      const staff = employees.filter((e) => e.orgId === orgId);
      const places = [...venues.values()].filter((v) => v.orgId === orgId);
      return copy(
        summariseOrgDayInMemory(
          staff,
          places,
          day,
          checkins.filter((c) => c.orgId === orgId && inRange(c.checkedInAt, from, to)),
        ),
      );
    },
    async purgeExpired(now, retention) {
      const report = { sessions: 0, idempotency: 0, declarations: 0, codes: 0, checkins: 0 };
      const keep = <T>(rows: T[], kept: (row: T) => boolean, kind: 'declarations' | 'codes' | 'checkins') => {
        const left = rows.filter(kept);
        report[kind] += rows.length - left.length;
        return left;
      };
      declarations = keep(declarations, (d) => d.declaredAt >= now - retention.declarationsMs, 'declarations');
      checkins = keep(checkins, (c) => c.checkedInAt >= now - retention.checkinsMs, 'checkins');
      history = keep(history, (c) => c.expiresAt >= now - retention.codesMs || codes.get(c.userId)?.codeId === c.codeId, 'codes');
      for (const [token, session] of sessions) {
        if (session.expiresAt <= now && sessions.delete(token)) report.sessions++;
      }
      for (const [id, record] of idempotency) {
        const maxAge = record.state === 'pending' ? retention.pendingMs : retention.answeredMs;
        if (record.createdAt < now - maxAge && idempotency.delete(id)) report.idempotency++;
      }
      return report;
    },
  };
}
