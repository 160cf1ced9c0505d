// Re-evaluation after a risk-area change (`pnpm bench reevaluation`): seeds SUBJECTS stored
// subjects (default 1,000,000) in the server's SQLite schema, 1 % of them with a stay in one
// district, publishes that district as high-risk through the service, and measures the
// re-evaluation of the affected subjects (time and subjects/s) beside a full scan of every
// subject's declarations (what an index-free re-evaluation would at least read), then the cost of
// a change that concerns nobody.
//
// Targets (issue 12, 2-core machine): the affected subjects re-evaluated in under 5 s; a change
// that concerns nobody costs milliseconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateDeclaration, type Declaration } from '@healthcode/core';
import { DEFAULT_RULE_SET } from '@healthcode/core/assessment';
import { addDays, cityDate } from '@healthcode/core/declaration';
import { openSqliteStorage } from '@healthcode/server';
import { createKeyringState, createService } from '@healthcode/service';
import { greenAnswers } from '../packages/test-utils/src/contract/fixtures.js';
import { benchRow, mergeResults } from './results.js';

// better-sqlite3 is the server's dependency; the seeding reaches it through the server's package.
const Database = createRequire(new URL('../packages/server/package.json', import.meta.url))('better-sqlite3') as typeof import('better-sqlite3');

const SUBJECTS = Number(process.env.SUBJECTS ?? 1_000_000);
const AFFECTED_SHARE = 0.01;
const DISTRICT = '310104';
const now = new Date();
const today = cityDate(now);
const stay = { region: DISTRICT, from: addDays(today, -3), to: addDays(today, -2) };

function declarationJson(travelled: boolean): string {
  const answers = { ...greenAnswers(1), travel: { places: travelled ? [stay] : [] } };
  const result = validateDeclaration(answers, { formVersion: '1.1', now });
  if (!result.ok) throw new Error(`fixture declaration invalid: ${JSON.stringify(result.issues)}`);
  return JSON.stringify(result.declaration satisfies Declaration);
}

const dir = mkdtempSync(join(tmpdir(), 'healthcode-reevaluation-'));
const dbPath = join(dir, 'service.db');
openSqliteStorage({ path: dbPath }).close(); // creates and migrates the schema

const seedStart = performance.now();
{
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const travelled = declarationJson(true);
  const stayedHome = declarationJson(false);
  const assessment = JSON.stringify({ status: 'green', quarantineDays: 0, reasons: [], ruleSetVersion: DEFAULT_RULE_SET.version });
  const evaluation = JSON.stringify({ status: 'green', reasons: [], ruleSetVersion: DEFAULT_RULE_SET.version });
  const insert = {
    user: db.prepare("INSERT INTO users VALUES (?, 'wechat', 'verified', NULL, ?, ?)"),
    declaration: db.prepare("INSERT INTO declarations VALUES (?, ?, ?, '1.1', ?, ?, 'green', ?)"),
    code: db.prepare("INSERT INTO codes VALUES (?, ?, ?, 'green', '310000', '{}', 'HC1:0', 'k', ?, ?)"),
    stay: db.prepare('INSERT INTO stays VALUES (?, ?, ?, ?)'),
    evaluation: db.prepare('INSERT INTO evaluations VALUES (?, ?, ?)'),
  };
  const every = Math.round(1 / AFFECTED_SHARE);
  const at = now.getTime() - 3_600_000;
  const seed = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const subject = `subject-${i.toString(36).padStart(8, '0')}`;
      const user = `wechat:${i}`;
      const affected = i % every === 0;
      // Everyone else stayed in one of 98 other districts of the city.
      const prefix = affected ? DISTRICT : `3101${String(5 + (i % 95)).padStart(2, '0')}`;
      insert.user.run(user, at, subject);
      insert.declaration.run(`dcl_${i}`, user, subject, affected ? travelled : stayedHome, assessment, at);
      insert.code.run(`code${i}`, user, subject, now.getTime() - 60_000, now.getTime() + 540_000);
      insert.stay.run(prefix, stay.to, stay.from, subject);
      insert.evaluation.run(subject, evaluation, at);
    }
  });
  for (let from = 0; from < SUBJECTS; from += 50_000) seed(from, Math.min(SUBJECTS, from + 50_000));
  db.close();
}
const seedSeconds = (performance.now() - seedStart) / 1000;

const storage = openSqliteStorage({ path: dbPath });
const operatorToken = 'bench-administrator-token';
const service = createService({ store: storage, authority: storage.authority, keys: await createKeyringState(), operatorToken, now: () => now });
const call = async (method: string, url: string, token: string, body: unknown) => {
  const answer = await service.handle({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: new TextEncoder().encode(JSON.stringify(body)),
  });
  if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { token: string; reevaluation: { evaluated: number; worsened: number; revokedCodes: number } };
};
const { token } = await call('POST', '/v1/operators', operatorToken, { name: 'bench' });

const area = (region: string) => ({ region, level: 'high', validFrom: stay.from, validUntil: today });
let start = performance.now();
const hit = await call('POST', '/v1/authority/rule-sets', token, { ...DEFAULT_RULE_SET, version: 'bench-1', riskAreas: [area(DISTRICT)] });
const reevaluateSeconds = (performance.now() - start) / 1000;

start = performance.now();
const nobody = await call('POST', '/v1/authority/rule-sets', token, { ...DEFAULT_RULE_SET, version: 'bench-2', riskAreas: [area(DISTRICT), area('650102')] });
const nobodyMs = performance.now() - start;

// The baseline: reading every subject's declarations once, as a re-evaluation without the index must.
const scan = new Database(dbPath, { readonly: true });
start = performance.now();
for (const _ of scan.prepare('SELECT subject_id, declaration FROM declarations').iterate()) void _;
const scanSeconds = (performance.now() - start) / 1000;
scan.close();
await storage.close();
rmSync(dir, { recursive: true, force: true });

const affected = hit.reevaluation.evaluated;
const rows = [
  benchRow('authority.reevaluate (risk-area change, 1 % of the stored subjects affected, SQLite)', affected / reevaluateSeconds, undefined, {
    seconds: Number(reevaluateSeconds.toFixed(3)),
    subjects: SUBJECTS,
    affected,
    worsened: hit.reevaluation.worsened,
    revokedCodes: hit.reevaluation.revokedCodes,
    fullScanSeconds: Number(scanSeconds.toFixed(3)),
    seedSeconds: Number(seedSeconds.toFixed(1)),
    targetSeconds: 5,
  }),
  // Ratio: how many times cheaper than merely reading every subject's declarations once.
  benchRow('authority.publish (risk-area change concerning nobody, SQLite)', 1000 / nobodyMs, { name: 'full scan of every declaration', opsPerSec: 1 / scanSeconds }, {
    milliseconds: Number(nobodyMs.toFixed(2)),
    subjects: SUBJECTS,
    evaluated: nobody.reevaluation.evaluated,
    target: 'milliseconds, not a scan',
  }),
];
console.table(rows);
mergeResults(rows);
