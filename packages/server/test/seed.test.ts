import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '@healthcode/core/api';
import { verifyCode } from '@healthcode/core/code';
import { validateDeclaration } from '@healthcode/core/declaration';
import { createServer, openPostgresStorage, openSqliteStorage, type Storage } from '@healthcode/server';
import { caller, freshSchema, manualClock, postgresForTests } from '@healthcode/test-utils';
import { seedCity, seeded } from '../src/seed/city.js';

const postgres = postgresForTests();
const stores: Array<{ name: string; skip?: string; open(): Promise<Storage> }> = [
  { name: 'SQLite', open: async () => openSqliteStorage({ path: ':memory:' }) },
  {
    name: 'PostgreSQL',
    skip: postgres.skip,
    open: () => openPostgresStorage({ url: postgres.url ?? '', schema: freshSchema(), poolSize: 4 }),
  },
];

describe.each(stores)('pnpm seed on $name', ({ skip, open }) => {
  it.skipIf(skip !== undefined)('makes a city whose users, codes and organisations the service serves', async () => {
    const clock = manualClock(new Date('2026-11-27T06:00:00.000Z'));
    const storage = await open();
    const written = await seedCity(storage, { users: 300, orgs: 3, days: 2, now: clock.now() });
    expect(written).toMatchObject({ users: 300, sessions: 300, codes: 300, declarations: 600, orgs: 3 });
    // Stored declarations are what the declaration route stores: valid declarations of the form.
    const statuses = new Set<string>();
    for (let n = 0; n < 300; n++) {
      for (const d of await storage.listDeclarations(seeded.subjectId(n), 0)) {
        statuses.add(d.status);
        expect(validateDeclaration(d.declaration, { formVersion: '1.1', now: clock.now() })).toMatchObject({ ok: true });
      }
    }
    expect([...statuses].sort()).toEqual(['green', 'red', 'yellow']);

    const dir = mkdtempSync(join(tmpdir(), 'healthcode-seed-'));
    const server = await createServer({ storage, keysDir: join(dir, 'keys'), now: clock.now, log: { level: 'silent' } });
    try {
      const call = caller({ baseUrl: await server.listen(0), fetch: globalThis.fetch as never });
      // A seeded code is due for renewal: the first fetch signs a real one.
      const code = await call('GET', API_ROUTES.code, { token: seeded.sessionToken(42) });
      expect(code.status).toBe(200);
      const { trust } = await server.keyring.current();
      expect(await verifyCode(code.body.qrText, { trust, now: clock.now() })).toMatchObject({ valid: true, subject: seeded.subjectId(42) });

      const dashboard = await call('GET', API_ROUTES.orgDashboard.replace(':orgId', seeded.orgId(0)), { token: seeded.adminToken(0) });
      expect(dashboard.status).toBe(200);
      expect(dashboard.body.employees.total).toBe(300);
      expect(dashboard.body.venues).toHaveLength(20);
      expect(dashboard.body.venues.reduce((n: number, v: { checkins: number }) => n + v.checkins, 0)).toBe(1500);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
