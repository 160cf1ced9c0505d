import { describe } from 'vitest';
import { createMemoryStore } from '@healthcode/service';
import { openPostgresStorage, openSqliteStorage } from '@healthcode/server';
import { freshSchema, postgresForTests, testStoreIdempotencyAndPurge, testStoreRecords, type StoreContractOptions } from '@healthcode/test-utils';

const sqlite: StoreContractOptions = {
  name: 'SQLite',
  async open() {
    const store = openSqliteStorage({ path: ':memory:' });
    return { store, close: () => store.close() };
  },
};
// Run here too, beside SQLite and PostgreSQL, so one file shows every store answering the same contract.
const memory: StoreContractOptions = {
  name: 'memory (msw handlers)',
  async open() {
    return { store: createMemoryStore(), close: async () => undefined };
  },
};
const pg = postgresForTests();
const postgres: StoreContractOptions = {
  name: 'PostgreSQL',
  async open() {
    const store = await openPostgresStorage({ url: pg.url ?? '', schema: freshSchema(), poolSize: 4 });
    return { store, close: () => store.close() };
  },
};

for (const store of [sqlite, memory]) {
  testStoreIdempotencyAndPurge(store);
  testStoreRecords(store);
}
describe.skipIf(pg.skip !== undefined)('on PostgreSQL', () => {
  testStoreIdempotencyAndPurge(postgres);
  testStoreRecords(postgres);
});
