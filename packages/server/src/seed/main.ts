/**
 * `pnpm seed [--users N] [--orgs N] [--days N] [--db FILE|URL]`: fills an empty store
 * (SQLite file or PostgreSQL URL; default HEALTHCODE_DATABASE_URL or healthcode-seed.db)
 * with a synthetic city and reports rows per second and bytes per user. The seeded
 * credentials are predictable (see `seeded`): seed throw-away databases only.
 */
import { parseArgs } from 'node:util';
import { openStorage } from '../storage/open.js';
import { seedCity } from './city.js';

const USAGE = 'usage: pnpm seed [--users N] [--orgs N] [--days N] [--db FILE|postgres://URL]';

function count(value: string | undefined, fallback: number, what: string): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number >= 0, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string' },
      orgs: { type: 'string' },
      days: { type: 'string' },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return void console.log(USAGE);
  const users = count(values.users, 1_000_000, '--users');
  const orgs = count(values.orgs, 5_000, '--orgs');
  const days = count(values.days, 14, '--days');
  const db = values.db ?? process.env.HEALTHCODE_DATABASE_URL ?? 'healthcode-seed.db';
  const storage = await openStorage(db);
  try {
    if (await storage.getUser('wechat:seed-0')) throw new Error(`${db} is already seeded: seed an empty database`);
    const started = performance.now();
    let reported = started;
    const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);
    const written = await seedCity(storage, {
      users,
      orgs,
      days,
      onProgress(rows) {
        if (performance.now() - reported < 10_000) return;
        reported = performance.now();
        console.log(
          `  ${total(rows).toLocaleString('en')} rows (${Math.round(total(rows) / ((reported - started) / 1000)).toLocaleString('en')} rows/s)`,
        );
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const bytes = await storage.sizeInBytes();
    console.log(
      `seeded ${db.replace(/\/\/[^@]*@/, '//')}: ${users.toLocaleString('en')} users, ${orgs.toLocaleString('en')} organisations, ${days} days`,
    );
    for (const [table, rows] of Object.entries(written))
      console.log(`  ${table.padEnd(13)} ${rows.toLocaleString('en').padStart(12)} rows`);
    console.log(
      `  ${total(written).toLocaleString('en')} rows in ${seconds.toFixed(1)} s: ${Math.round(total(written) / seconds).toLocaleString('en')} rows/s`,
    );
    console.log(
      `  database ${(bytes / 1e6).toFixed(1)} MB: ${users > 0 ? Math.round(bytes / users).toLocaleString('en') : 0} bytes per user`,
    );
  } finally {
    await storage.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error(USAGE);
  process.exit(1);
});
