import type { HealthStatus } from '@healthcode/core';
import { cityDate, cityDayStart, gb11643CheckChar } from '@healthcode/core/declaration';
import type { Storage } from '../storage/storage.js';
import { tokenHash } from '../storage/rows.js';

/** What {@link seedCity} makes. */
export interface CityOptions {
  /** Residents, each signed in once and declaring once a day; default 1,000,000. */
  users?: number;
  /** Organisations; the first is the large one the dashboard bench opens. Default 5,000. */
  orgs?: number;
  /** Days of declarations per user, ending today; default 14. */
  days?: number;
  /** "Today"; default now. */
  now?: Date;
  /** Called after every batch with the rows written so far. */
  onProgress?: (progress: SeedProgress) => void;
}

/** Rows written per table so far. */
export type SeedProgress = Record<string, number>;

/** The large organisation of every seeded city: the dashboard bench's subject. */
export const LARGE_ORG = { employees: 10_000, venues: 20, checkinsToday: 50_000 } as const;
/** Share of residents who are employees of some organisation (2 million of 14.6 million in Shanghai). */
const EMPLOYED_SHARE = 0.14;
const DAY_MS = 86_400_000;
/** Users (and their rows) written per batch. */
const BATCH_USERS = 2_000;

/**
 * The predictable credentials of a seeded city, so benches can act as its users and admins.
 * Seed only throw-away databases: anyone who reads this file can sign in as them.
 */
export const seeded = {
  userId: (n: number) => `wechat:seed-${n}`,
  sessionToken: (n: number) => `seed-session-${n}`,
  subjectId: (n: number) => `seed${n.toString(36).padStart(12, '0')}`,
  orgId: (i: number) => `org_seed${i}`,
  adminToken: (i: number) => `seed-admin-${i}`,
  venueId: (i: number, j: number) => `ven_seed${i}_${j}`,
  scannerToken: (i: number, j: number) => `seed-scanner-${i}-${j}`,
};

/** A small deterministic generator (mulberry32), so two seeds of one size are the same city. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const statusOf = (r: number): HealthStatus => (r < 0.97 ? 'green' : r < 0.99 ? 'yellow' : 'red');

// A declaration as the declaration route stores it (validated, form 1.1), so bytes per user
// are realistic and the colour evaluates it as it would a real one.
function declarationJson(n: number, status: HealthStatus, day: string): string {
  const unwell = status !== 'green';
  const id = `31010419900307${String(n % 1000).padStart(3, '0')}`;
  return JSON.stringify({
    person: { name: '张三' },
    identityDocument: { type: 'resident_id_card', number: `${id}${gb11643CheckChar(id) ?? ''}` },
    phone: `138${String(n % 100_000_000).padStart(8, '0')}`,
    district: '310104',
    health: { temperature: unwell ? 38.2 : 36.6, symptoms: unwell ? ['fever'] : ['none'] },
    travel: { places: [] },
    contacts: unwell
      ? { hadContact: true, caseType: status === 'red' ? 'confirmed' : 'suspected', lastContactDate: day }
      : { hadContact: false },
    returning: { isReturning: false },
  });
}
const assessmentJson = (status: HealthStatus) =>
  JSON.stringify({
    status,
    rulesVersion: '2026.1',
    reasons: status === 'green' ? [] : [{ rule: status === 'red' ? 'fever-with-contact' : 'fever', status }],
  });
/** A stand-in as long as a real HC1 code; seeded codes are already due for renewal, so none is ever served. */
const PLACEHOLDER_QR = `HC1:${'0'.repeat(330)}`;

/** Employees of organisation `i` (the first is the large one). */
function employeesOf(i: number, users: number, orgs: number): number {
  if (i === 0) return Math.min(LARGE_ORG.employees, users);
  const mean = (users * EMPLOYED_SHARE) / orgs;
  return Math.max(1, Math.round(mean * (0.5 + ((i * 7919) % 1000) / 1000)));
}

/**
 * Fills an empty store with a synthetic city: users with a session and a code each (due
 * for renewal), a declaration per user and day, organisations with employees and venues,
 * and today's check-ins (every employee once at their organisation; the large one gets
 * {@link LARGE_ORG}'s 50,000, visitors included). Writes in batches through
 * `storage.insertMany`; resolves to the rows written per table.
 */
export async function seedCity(storage: Storage, options: CityOptions = {}): Promise<SeedProgress> {
  const users = options.users ?? 1_000_000;
  const orgs = Math.max(1, options.orgs ?? 5_000);
  const days = options.days ?? 14;
  const now = (options.now ?? new Date()).getTime();
  // The city's day (Asia/Shanghai), as the dashboard counts it; activity from 06:00 to 22:00 local.
  const today = cityDayStart(cityDate(new Date(now))).getTime();
  const daytime = (hours: number) => 6 * 3_600_000 + Math.floor(rand() * hours * 3_600_000);
  const rand = random(users * 31 + orgs);
  const written: SeedProgress = {};
  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    if (rows.length === 0) return;
    await storage.insertMany(table, columns, rows);
    written[table] = (written[table] ?? 0) + rows.length;
  };

  for (let first = 0; first < users; first += BATCH_USERS) {
    const last = Math.min(users, first + BATCH_USERS);
    const userRows: unknown[][] = [];
    const sessionRows: unknown[][] = [];
    const codeRows: unknown[][] = [];
    const declarationRows: unknown[][] = [];
    for (let n = first; n < last; n++) {
      const [userId, subjectId] = [seeded.userId(n), seeded.subjectId(n)];
      userRows.push([userId, 'wechat', 'verified', subjectId, today - days * DAY_MS]);
      sessionRows.push([tokenHash(seeded.sessionToken(n)), userId, now + 7 * DAY_MS]);
      let status: HealthStatus = 'green';
      for (let d = days - 1; d >= 0; d--) {
        const at = Math.min(now, today - d * DAY_MS + daytime(8));
        status = statusOf(rand());
        const day = new Date(at).toISOString().slice(0, 10);
        declarationRows.push([
          `dcl_seed${n}_${d}`,
          userId,
          subjectId,
          '1.1',
          declarationJson(n, status, day),
          assessmentJson(status),
          status,
          at,
        ]);
      }
      const issuedAt = now - DAY_MS;
      codeRows.push([
        `code_seed${n}`,
        userId,
        subjectId,
        status,
        '310000',
        '{"name":"张*","documentTail":"1234"}',
        PLACEHOLDER_QR,
        'seed',
        issuedAt,
        issuedAt + 600_000,
      ]);
    }
    await insert('users', ['user_id', 'host', 'identity_status', 'subject_id', 'created_at'], userRows);
    await insert('sessions', ['token_hash', 'user_id', 'expires_at'], sessionRows);
    await insert(
      'codes',
      ['code_id', 'user_id', 'subject_id', 'status', 'region', 'display', 'qr_text', 'key_id', 'issued_at', 'expires_at'],
      codeRows,
    );
    await insert(
      'declarations',
      ['declaration_id', 'user_id', 'subject_id', 'form_version', 'declaration', 'assessment', 'status', 'declared_at'],
      declarationRows,
    );
    options.onProgress?.(written);
  }

  let nextSubject = 0;
  for (let i = 0; i < orgs; i++) {
    const orgId = seeded.orgId(i);
    await insert(
      'orgs',
      ['org_id', 'name', 'admin_token_hash', 'created_at'],
      [[orgId, `Seeded organisation ${i}`, tokenHash(seeded.adminToken(i)), today]],
    );
    const venueCount = i === 0 ? LARGE_ORG.venues : 1 + (i % 4);
    await insert(
      'venues',
      ['venue_id', 'org_id', 'name', 'created_at', 'scanner_token_hash'],
      Array.from({ length: venueCount }, (_, j) => [
        seeded.venueId(i, j),
        orgId,
        `Gate ${j + 1}`,
        today + j,
        tokenHash(seeded.scannerToken(i, j)),
      ]),
    );
    const staff = Array.from({ length: employeesOf(i, users, orgs) }, () => nextSubject++ % Math.max(1, users));
    const employeeRows = [...new Set(staff)].map((n, k) => [`emp_seed${i}_${k}`, orgId, seeded.subjectId(n), today + k]);
    await insert('employees', ['employee_id', 'org_id', 'subject_id', 'created_at'], employeeRows);
    // Today's scans: each employee once (three times over for the large organisation, plus visitors).
    const scans = i === 0 ? Math.min(LARGE_ORG.checkinsToday, users * 5) : employeeRows.length;
    const checkinRows: unknown[][] = [];
    for (let k = 0; k < scans; k++) {
      const visitor = i === 0 && k % 5 === 4;
      const n = visitor ? Math.floor(rand() * users) : (staff[k % staff.length] ?? 0);
      const j = k % venueCount;
      const valid = rand() < 0.99;
      const at = today + daytime(16);
      checkinRows.push([
        `chk_seed${i}_${k}`,
        seeded.venueId(i, j),
        orgId,
        `venue/${seeded.venueId(i, j)}`,
        valid,
        valid ? seeded.subjectId(n) : null,
        valid ? statusOf(rand()) : null,
        valid ? null : 'bad_signature',
        at,
      ]);
      if (checkinRows.length === 10_000 || k === scans - 1) {
        await insert(
          'checkins',
          ['checkin_id', 'venue_id', 'org_id', 'scanned_by', 'valid', 'subject_id', 'status', 'reason', 'checked_in_at'],
          checkinRows.splice(0),
        );
      }
    }
    if (i % 100 === 0) options.onProgress?.(written);
  }
  return written;
}
