import type {
  StoredCheckin,
  StoredCode,
  StoredDeclaration,
  StoredEmployee,
  HealthStatus,
  StoredAnswer,
  StoredOrg,
  StoredReview,
  ServiceStore,
  StoredUser,
  StoredVenue,
} from '@healthcode/core';

// Records go in and out as copies, so a caller mutating what it got cannot change the store.
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

const byTime = <T>(time: (r: T) => number) => (a: T, b: T) => time(a) - time(b);

/**
 * A `ServiceStore` in plain Maps, for tests, demos and the browser playground. It
 * forgets everything when dropped; tokens are kept as given (nothing is at rest).
 */
export function createMemoryStore(): ServiceStore {
  const users = new Map<string, StoredUser>();
  const sessions = new Map<string, { userId: string; expiresAt: number }>();
  const reviews = new Map<string, StoredReview>();
  const declarations: StoredDeclaration[] = [];
  const codes = new Map<string, StoredCode>();
  const idempotency = new Map<string, StoredAnswer>();
  const orgs = new Map<string, StoredOrg>();
  const orgTokens = new Map<string, string>();
  const employees: StoredEmployee[] = [];
  const venues = new Map<string, StoredVenue>();
  const checkins: StoredCheckin[] = [];
  const idemKey = (userId: string, key: string) => JSON.stringify([userId, key]);
  // The first answer under a key wins, as with SQLite's INSERT OR IGNORE.
  const remember = (answer: StoredAnswer | undefined) => {
    if (answer && !idempotency.has(idemKey(answer.userId, answer.key))) idempotency.set(idemKey(answer.userId, answer.key), copy(answer));
  };

  return {
    async ping() {},
    async getUser(userId) {
      return copy(users.get(userId));
    },
    async saveUser(user) {
      users.set(user.userId, copy(user));
    },
    async saveSession(token, session) {
      sessions.set(token, copy(session));
    },
    async findSession(token) {
      return copy(sessions.get(token));
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
      declarations.push(copy(declaration));
      codes.set(code.userId, copy(code));
      remember(answer);
    },
    async listDeclarations(subjectId, since) {
      return copy(declarations.filter((d) => d.subjectId === subjectId && d.declaredAt >= since).sort(byTime((d) => d.declaredAt)));
    },
    async latestEmployeeStatuses(orgId, from, to) {
      const staff = new Set(employees.filter((e) => e.orgId === orgId).map((e) => e.subjectId));
      const latest = new Map<string, { at: number; status: HealthStatus }>();
      for (const d of declarations) {
        if (!staff.has(d.subjectId) || d.declaredAt < from || d.declaredAt >= to) continue;
        const seen = latest.get(d.subjectId);
        if (!seen || d.declaredAt >= seen.at) latest.set(d.subjectId, { at: d.declaredAt, status: d.status });
      }
      return [...latest].map(([subjectId, { status }]) => ({ subjectId, status }));
    },
    async saveCode(code) {
      codes.set(code.userId, copy(code));
    },
    async latestCode(userId) {
      return copy(codes.get(userId));
    },
    async getIdempotent(userId, key) {
      return copy(idempotency.get(idemKey(userId, key)));
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
    async saveVenue(venue) {
      venues.set(venue.venueId, copy(venue));
    },
    async getVenue(venueId) {
      return copy(venues.get(venueId));
    },
    async listVenues(orgId) {
      return copy([...venues.values()].filter((v) => v.orgId === orgId));
    },
    async commitCheckin({ checkin, idempotency: answer }) {
      checkins.push(copy(checkin));
      remember(answer);
    },
    async listCheckins(orgId, from, to) {
      return copy(checkins.filter((c) => c.orgId === orgId && c.checkedInAt >= from && c.checkedInAt < to));
    },
  };
}
