// Load test of the reference server (`pnpm bench:server`). Every server runs as its own
// process (src/main.ts, as in production) and so does the load generator (bench/load.ts,
// autocannon), so neither measures the other's CPU. Two parts:
//
// 1. SQLite, one process, fresh database: GET /v1/code of one user (the cached path) and
//    POST /v1/checkins, beside a raw node:crypto ES256 verify loop measured in the same run.
// 2. PostgreSQL with a seeded city (BENCH_DATABASE_URL, seeded with `pnpm seed`; else a
//    throw-away PostgreSQL seeded here with BENCH_USERS users), with 1 and with 2 worker
//    processes: getCode over many users, declaration submits, check-ins of distinct codes,
//    the large organisation's dashboard while getCode load runs, bytes per user, and the
//    query plans of the hot routes. The load assumptions are printed with the figures.
//
// Figures merge into bench/results.json; the printed table puts each beside its target.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPostgresStorage } from '../packages/server/src/storage/postgres.js';
import { openSqliteStorage } from '../packages/server/src/storage/sqlite.js';
import { LARGE_ORG, seedCity, seeded } from '../packages/server/src/seed/city.js';
// The fixtures and the PostgreSQL helper alone, not the test-utils entry (which loads vitest).
import { greenAnswers } from '../packages/test-utils/src/contract/fixtures.js';
import { postgresUnavailable, startThrowAwayPostgres } from '../packages/test-utils/src/postgres/cluster.js';
import type { LoadPlan, LoadResult, PlannedRequest } from './load.js';
import { benchRow, mergeResults, type BenchRow } from './results.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
/** Users each getCode run asks for, each once; as many declarations and check-ins per run, divided by 4. */
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 20_000);
/** Tells this run's users and Idempotency-Keys from earlier runs' over the same database. */
const RUN = Date.now().toString(36);
/** Share of getCode requests that find the user's code due for renewal (see the assumptions). */
const DUE_SHARE = 0.2;
const TARGETS = {
  getCodeSqlite: { rps: 2_000, p99Ms: 50 },
  getCodeCity: { rps: 5_000, p99Ms: 50 },
  checkinVsVerify: 0.5,
  workersRatio: 1.3,
  dashboardP99Ms: 100,
};

const dir = mkdtempSync(join(tmpdir(), 'healthcode-bench-'));
const rows: BenchRow[] = [];
const lines: string[] = [];
const report = (row: BenchRow & Record<string, unknown>, target = '') => {
  rows.push(row);
  const latency = row.p99Ms === undefined ? '' : `  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms`;
  const perCpu = row.perCpuSecond === undefined ? '' : `  ${row.perCpuSecond} per CPU-s`;
  const ratio = row.ratio === null ? '' : `  ${row.ratio}x ${row.baselineName}`;
  lines.push(
    `${row.name.padEnd(34)} ${String(row.opsPerSec).padStart(7)}/s${latency}${perCpu}${ratio}  errors ${row.errors ?? 0}${target ? `  [target ${target}]` : ''}`,
  );
  console.log(lines.at(-1));
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts src/main.ts with `args` in its own process and waits until it is ready. */
async function startServer(args: string[], env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/server/src/main.ts'), '--port', String(port), ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    // Request logs off (warn): the bench measures the service, not the log pipe.
    env: { ...process.env, HEALTHCODE_LOG_LEVEL: 'warn', ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode})`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (attempt > 300) throw new Error('server did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
    /** CPU seconds the server (all its workers) has used so far, from its /metrics. */
    async cpuSeconds(): Promise<number> {
      const text = await (await fetch(`${url}/metrics`)).text();
      return Number(/^process_cpu_seconds_total (\S+)/m.exec(text)?.[1] ?? Number.NaN);
    },
  };
}
type ServerUnderTest = Awaited<ReturnType<typeof startServer>>;

/** Runs one plan in the load generator's own process. */
async function load(plan: LoadPlan): Promise<LoadResult> {
  const file = join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(plan));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/load.ts'), file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(file, { force: true });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as LoadResult;
}

/** Runs `plan` and reports it as a row, with the server's CPU seconds per request. */
async function measure(server: ServerUnderTest, name: string, plan: LoadPlan, extra: Record<string, unknown> = {}) {
  const cpuBefore = await server.cpuSeconds();
  const result = await load(plan);
  const cpu = (await server.cpuSeconds()) - cpuBefore;
  const figures = {
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    errors: result.errors,
    requests: result.requests,
    perCpuSecond: Math.round(result.requests / cpu),
    ...extra,
  };
  return { result, figures, row: benchRow(name, result.rps, undefined, figures) };
}

async function json(url: string, init: { method?: string; token?: string; body?: unknown }) {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, string> & { code: { qrText: string } };
}

/** Runs `work` over `items`, `concurrency` at a time (setup traffic, not measured). */
async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T);
      }
    }),
  );
  return results;
}

/** Raw node:crypto ES256 verifications per second of a JWS-sized message (one core, no HTTP, no parsing). */
function rawVerifyRate(): number {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const message = Buffer.alloc(180, 7);
  const signature = sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 2_000) {
    for (let i = 0; i < 100; i++) verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
    n += 100;
  }
  return n / ((performance.now() - start) / 1000);
}

/** The large seeded organisation's dashboard (10,000 employees, 20 venues, 50,000 check-ins today). */
const dashboardRequest: PlannedRequest = {
  method: 'GET',
  path: `/v1/orgs/${seeded.orgId(0)}/dashboard`,
  headers: { authorization: `Bearer ${seeded.adminToken(0)}` },
};
const getCode = (token: string): PlannedRequest => ({ method: 'GET', path: '/v1/code', headers: { authorization: `Bearer ${token}` } });
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** Part 1: SQLite, one process. */
async function sqliteRows(verifyRate: number) {
  const server = await startServer(['--db', join(dir, 'bench.db'), '--keys', join(dir, 'keys-sqlite')]);
  try {
    const operatorToken = readFileSync(join(dir, 'keys-sqlite', 'operator.token'), 'utf8').trim();
    const sessionToken = String(
      (await json(`${server.url}/v1/sessions`, { method: 'POST', body: { host: 'wechat', authCode: 'dev:bench-user' } })).sessionToken,
    );
    const declared = await json(`${server.url}/v1/declarations`, {
      method: 'POST',
      token: sessionToken,
      body: { formVersion: '1.1', answers: greenAnswers(1) },
    });
    const org = await json(`${server.url}/v1/orgs`, { method: 'POST', token: operatorToken, body: { name: 'Bench Ltd' } });
    const venue = await json(`${server.url}/v1/orgs/${org.orgId}/venues`, {
      method: 'POST',
      token: org.adminToken,
      body: { name: 'Gate' },
    });
    const base = { url: server.url, connections: CONNECTIONS };
    await load({ ...base, durationSeconds: 2, requests: [getCode(sessionToken)] }); // warm-up (JIT, caches)
    const code = await measure(server, 'server getCode', { ...base, durationSeconds: SECONDS, requests: [getCode(sessionToken)] });
    report(
      { ...code.row, target: { minOpsPerSec: TARGETS.getCodeSqlite.rps, maxP99Ms: TARGETS.getCodeSqlite.p99Ms } },
      `>= ${TARGETS.getCodeSqlite.rps}/s, p99 < ${TARGETS.getCodeSqlite.p99Ms} ms`,
    );
    const body = JSON.stringify({ venueId: venue.venueId, qrText: declared.code.qrText, scannerToken: venue.scannerToken });
    const checkins = await measure(server, 'server checkin', {
      ...base,
      durationSeconds: SECONDS,
      requests: [{ method: 'POST', path: '/v1/checkins', headers: { 'content-type': 'application/json' }, body }],
    });
    const raw = { name: 'raw node:crypto ES256 verify', opsPerSec: verifyRate };
    report(
      benchRow('server checkin', checkins.result.rps, raw, { ...checkins.figures, target: { minRatio: TARGETS.checkinVsVerify } }),
      `>= ${TARGETS.checkinVsVerify}x raw verify`,
    );
    report(benchRow('raw node:crypto ES256 verify', verifyRate));
  } finally {
    await server.stop();
  }
  // The large organisation's dashboard on SQLite: a small city around it, seeded here.
  const file = join(dir, 'city.db');
  const storage = openSqliteStorage({ path: file });
  await seedCity(storage, { users: 20_000, orgs: 20 });
  await storage.close();
  const city = await startServer(['--db', file, '--keys', join(dir, 'keys-sqlite-city')]);
  try {
    const board = await load({ url: city.url, connections: 2, durationSeconds: SECONDS, requests: [dashboardRequest] });
    report(
      benchRow('sqlite dashboard (10,000 employees)', board.rps, undefined, {
        p50Ms: board.p50Ms,
        p99Ms: board.p99Ms,
        errors: board.errors,
        requests: board.requests,
      }),
      `p99 < ${TARGETS.dashboardP99Ms} ms`,
    );
  } finally {
    await city.stop();
  }
}

/** A seeded PostgreSQL: BENCH_DATABASE_URL, or a throw-away one seeded now. */
async function seededPostgres(): Promise<{ url: string; users: number; stop(): void } | undefined> {
  const given = process.env.BENCH_DATABASE_URL;
  const count = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const users = Number((await client.query('SELECT count(*) AS n FROM users')).rows[0]?.n ?? 0);
    await client.end();
    return users;
  };
  if (given) return { url: given, users: await count(given), stop() {} };
  const why = postgresUnavailable();
  if (why) {
    console.log(`skipping the PostgreSQL rows: ${why}`);
    return undefined;
  }
  const server = await startThrowAwayPostgres();
  const users = Number(process.env.BENCH_USERS ?? 50_000);
  const storage = await openPostgresStorage({ url: server.url });
  const started = performance.now();
  const written = await seedCity(storage, { users, orgs: Math.max(1, Math.round(users / 200)) });
  const total = Object.values(written).reduce((a, b) => a + b, 0);
  console.log(
    `seeded ${users.toLocaleString('en')} users (${total.toLocaleString('en')} rows) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  await storage.close();
  return { url: server.url, users, stop: () => server.stop() };
}

/** Part 2: the seeded city on PostgreSQL, with `workers` processes; `offset` picks users no earlier run touched. */
async function cityRows(db: { url: string; users: number }, workers: number, offset: number) {
  const server = await startServer(['--db', db.url, '--keys', join(dir, 'keys-pg'), '--workers', String(workers)]);
  const base = { url: server.url, connections: CONNECTIONS };
  const label = `${workers} worker${workers > 1 ? 's' : ''}`;
  const results: Record<string, LoadResult> = {};
  try {
    // getCode: each of SAMPLE users once; all but DUE_SHARE of them fetched just before (fresh).
    const users = range(offset, SAMPLE).map((n) => n % db.users);
    const fresh = users.filter((_, i) => i % Math.round(1 / DUE_SHARE) !== 0);
    await load({ ...base, requests: fresh.map((n) => getCode(seeded.sessionToken(n))) });
    const code = await measure(
      server,
      `city getCode (${label})`,
      { ...base, requests: users.map((n) => getCode(seeded.sessionToken(n))) },
      { dueShare: DUE_SHARE, users: db.users },
    );
    results.getCode = code.result;
    report(code.row, workers === 1 ? `>= ${TARGETS.getCodeCity.rps}/s, p99 < ${TARGETS.getCodeCity.p99Ms} ms` : '');

    // Declarations: SAMPLE/4 new users, each declaring once with an Idempotency-Key.
    const declarers = await inParallel(
      range(0, SAMPLE / 4),
      CONNECTIONS,
      async (i) =>
        (
          await json(`${server.url}/v1/sessions`, {
            method: 'POST',
            body: { host: 'wechat', authCode: `dev:bench-${workers}-${offset}-${i}` },
          })
        ).sessionToken as string,
    );
    const declare = (token: string, i: number): PlannedRequest => ({
      method: 'POST',
      path: '/v1/declarations',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `declare-${RUN}-${i}` },
      body: JSON.stringify({ formVersion: '1.1', answers: greenAnswers(i) }),
    });
    const declared = await measure(server, `city declaration (${label})`, { ...base, requests: declarers.map(declare) });
    results.declaration = declared.result;
    report(declared.row);

    // Check-ins: SAMPLE/4 distinct (fresh) codes, each scanned once with an Idempotency-Key.
    const codes = await inParallel(
      fresh.slice(0, SAMPLE / 4),
      CONNECTIONS,
      async (n) => (await json(`${server.url}/v1/code`, { token: seeded.sessionToken(n) })).qrText as string,
    );
    const scan = (qrText: string, i: number): PlannedRequest => ({
      method: 'POST',
      path: '/v1/checkins',
      headers: { 'content-type': 'application/json', 'idempotency-key': `scan-${RUN}-${workers}-${i}` },
      body: JSON.stringify({
        venueId: seeded.venueId(0, i % LARGE_ORG.venues),
        qrText,
        scannerToken: seeded.scannerToken(0, i % LARGE_ORG.venues),
      }),
    });
    const scanned = await measure(server, `city checkin (${label})`, { ...base, requests: codes.map(scan) });
    results.checkin = scanned.result;
    report(scanned.row);

    if (workers === 1) {
      // The large organisation's dashboard, 2 admins refreshing, while getCode load runs.
      const [board, during] = await Promise.all([
        load({ url: server.url, connections: 2, durationSeconds: SECONDS, requests: [dashboardRequest] }),
        load({ ...base, durationSeconds: SECONDS, requests: users.map((n) => getCode(seeded.sessionToken(n))) }),
      ]);
      report(
        benchRow('city dashboard (10,000 employees)', board.rps, undefined, {
          p50Ms: board.p50Ms,
          p99Ms: board.p99Ms,
          errors: board.errors,
          requests: board.requests,
        }),
        `p99 < ${TARGETS.dashboardP99Ms} ms`,
      );
      report(
        benchRow('city getCode during dashboards', during.rps, undefined, {
          p50Ms: during.p50Ms,
          p99Ms: during.p99Ms,
          errors: during.errors,
          requests: during.requests,
        }),
        `p99 < ${TARGETS.getCodeCity.p99Ms} ms`,
      );
    }
  } finally {
    await server.stop();
  }
  return results;
}

/** The plans of the hot routes' queries, so a missing index shows in the output. */
async function explainHotQueries(url: string) {
  const storage = await openPostgresStorage({ url, poolSize: 1 });
  const plans: Array<[string, string, unknown[]]> = [
    ['findSession', 'SELECT user_id, expires_at FROM sessions WHERE token_hash = $1', ['x']],
    ['getUser', 'SELECT * FROM users WHERE user_id = $1', ['x']],
    ['latestCode', 'SELECT * FROM codes WHERE user_id = $1 ORDER BY issued_at DESC, seq DESC LIMIT 1', ['x']],
    ['claimIdempotencyKey', 'SELECT * FROM idempotency WHERE user_id = $1 AND key = $2', ['x', 'y']],
    ['findVenueByScannerToken', 'SELECT * FROM venues WHERE scanner_token_hash = $1', ['x']],
    ['listDeclarations', 'SELECT * FROM declarations WHERE subject_id = $1 AND declared_at >= $2 ORDER BY declared_at', ['x', 0]],
    [
      'dashboard check-ins',
      'SELECT venue_id, count(*) FROM checkins WHERE org_id = $1 AND checked_in_at >= $2 AND checked_in_at < $3 GROUP BY venue_id',
      [seeded.orgId(0), 0, Date.now()],
    ],
  ];
  console.log('\nquery plans of the hot routes (PostgreSQL):');
  for (const [name, sql, values] of plans) {
    const scans = (await storage.explain(sql, values))
      .split('\n')
      .filter((line) => line.includes('Scan'))
      .map((line) => line.replace(/^[\s>-]+|\s+\(cost.*$/g, ''));
    console.log(`  ${name}: ${scans.join(' / ')}`);
  }
  const bytes = await storage.sizeInBytes();
  await storage.close();
  return bytes;
}

try {
  console.log(`load: ${CONNECTIONS} connections from a separate autocannon process; ${SECONDS} s per timed run`);
  const verifyRate = rawVerifyRate();
  await sqliteRows(verifyRate);
  const db = await seededPostgres();
  if (db) {
    console.log(
      `city load: ${db.users.toLocaleString('en')} users stored; getCode asks ${SAMPLE.toLocaleString('en')} distinct users once each, ` +
        `${DUE_SHARE * 100}% of them with a code due for renewal (clients fetch at refreshAfter, and on app open in between: ` +
        `about 1 in ${Math.round(1 / DUE_SHARE)} fetches renews); ${SAMPLE / 4} new users declare once each and ${SAMPLE / 4} distinct codes are ` +
        `scanned once each, all with Idempotency-Keys; codes are not cached in-process (workers share PostgreSQL)`,
    );
    // Users no earlier run of this bench asked for (their codes would not be due as assumed).
    const start = Math.floor((Date.now() / 1000) % 1000) * 2 * SAMPLE;
    const one = await cityRows(db, 1, start);
    const two = await cityRows(db, 2, start + SAMPLE);
    for (const kind of ['getCode', 'declaration', 'checkin'] as const) {
      const [a, b] = [one[kind], two[kind]];
      if (!a || !b) continue;
      const row = benchRow(`city ${kind} 2 workers vs 1`, b.rps, { name: `city ${kind} (1 worker)`, opsPerSec: a.rps });
      report(row, kind === 'getCode' ? `>= ${TARGETS.workersRatio}x` : '');
    }
    const bytes = await explainHotQueries(db.url);
    const perUser = { name: 'city bytes per user', bytesPerUser: Math.round(bytes / db.users), databaseBytes: bytes, users: db.users };
    console.log(`\n${perUser.name}: ${perUser.bytesPerUser.toLocaleString('en')} (database ${(bytes / 1e9).toFixed(2)} GB)`);
    mergeResults([perUser]);
    db.stop();
  }
  mergeResults(rows);
  console.log(`\n${lines.join('\n')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
