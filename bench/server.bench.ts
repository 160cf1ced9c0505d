// Load test of the reference server (`pnpm bench:server`): starts it as its own process
// on loopback with a temporary database, drives `GET /v1/code` and `POST /v1/checkins`
// with autocannon, prints requests per second, p50/p99 latency and errors, and merges
// the figures into bench/results.json.
//
// Target on a 2-core machine: GET /v1/code >= 2,000 req/s, p99 < 50 ms, no errors.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
// The fixture alone, not the test-utils entry (which loads vitest).
import { greenAnswers } from '../packages/test-utils/src/contract/fixtures.js';
import { benchRow, mergeResults } from './results.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const TARGET = { name: 'server getCode', rps: 2_000, p99Ms: 50 };

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts src/main.ts in a child process (as in production) and waits until it is ready. */
async function startServer(dir: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'packages/server/src/main.ts'),
      '--port',
      String(port),
      '--db',
      join(dir, 'bench.db'),
      '--keys',
      join(dir, 'keys'),
    ],
    // Request logs off (warn): the bench measures the service, not the log pipe.
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, HEALTHCODE_LOG_LEVEL: 'warn' } },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, child };
    } catch {
      if (attempt > 200) throw new Error('server did not become ready');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function row(name: string, result: autocannon.Result) {
  return benchRow(name, result.requests.average, undefined, {
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
    connections: CONNECTIONS,
    durationSeconds: DURATION_SECONDS,
  });
}

const dir = mkdtempSync(join(tmpdir(), 'healthcode-bench-'));
const { url, child } = await startServer(dir);
try {
  const operatorToken = readFileSync(join(dir, 'keys', 'operator.token'), 'utf8').trim();
  const { sessionToken } = await json(`${url}/v1/sessions`, { method: 'POST', body: { host: 'wechat', authCode: 'dev:bench-user' } });
  const declared = await json(`${url}/v1/declarations`, {
    method: 'POST',
    token: sessionToken,
    body: { formVersion: '1.1', answers: greenAnswers(1) },
  });
  const org = await json(`${url}/v1/orgs`, { method: 'POST', token: operatorToken, body: { name: 'Bench Ltd' } });
  const venue = await json(`${url}/v1/orgs/${org.orgId}/venues`, { method: 'POST', token: org.adminToken, body: { name: 'Gate' } });

  const auth = { authorization: `Bearer ${sessionToken}` };
  // Warm-up (JIT, caches), not measured.
  await run({ url: `${url}/v1/code`, connections: CONNECTIONS, duration: 2, headers: auth });
  const getCode = await run({ url: `${url}/v1/code`, connections: CONNECTIONS, duration: DURATION_SECONDS, headers: auth });
  const checkins = await run({
    url: `${url}/v1/checkins`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ venueId: venue.venueId, qrText: declared.code.qrText, scannerToken: venue.scannerToken }),
  });

  const code = { ...row(TARGET.name, getCode), target: { minOpsPerSec: TARGET.rps, maxP99Ms: TARGET.p99Ms, errors: 0 } };
  // Check-ins have no target: each verifies an ES256 signature and writes a row.
  const rows = [code, row('server checkin', checkins)];
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(16)} ${String(r.opsPerSec).padStart(7)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  errors ${r.errors}  (${r.requests} requests)`,
    );
  }
  mergeResults(rows);
  if (code.opsPerSec < TARGET.rps || code.p99Ms >= TARGET.p99Ms || code.errors > 0) {
    console.log(`getCode misses the target (>= ${TARGET.rps} req/s, p99 < ${TARGET.p99Ms} ms, no errors)`);
    process.exitCode = 1;
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
