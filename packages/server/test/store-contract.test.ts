import { describe } from 'vitest';
import { createMemoryAuthorityStore, createMemoryStore } from '@healthcode/service';
import { openPostgresStorage, openSqliteStorage, type Storage } from '@healthcode/server';
import {
  freshSchema,
  postgresForTests,
  testAuthorityStore,
  testStoreIdempotencyAndPurge,
  testStoreRecords,
  type AuthorityStoreContractOptions,
  type StoreContractOptions,
} from '@healthcode/test-utils';

const pg = postgresForTests();
const openPostgres = () => openPostgresStorage({ url: pg.url ?? '', schema: freshSchema(), poolSize: 4 });

/** The store contracts over a server `Storage` and its authority area. */
function storageContracts(name: string, open: () => Promise<Storage>) {
  const store: StoreContractOptions = {
    name,
    async open() {
      const storage = await open();
      return { store: storage, close: () => storage.close() };
    },
  };
  const authority: AuthorityStoreContractOptions = {
    name,
    async open() {
      const storage = await open();
      if (!storage.authority) throw new Error(`the ${name} storage has no authority store`);
      return { store: storage.authority, close: () => storage.close() };
    },
  };
  testStoreIdempotencyAndPurge(store);
  testStoreRecords(store);
  testAuthorityStore(authority);
}

storageContracts('SQLite', async () => openSqliteStorage({ path: ':memory:' }));
describe.skipIf(pg.skip !== undefined)('on PostgreSQL', () => storageContracts('PostgreSQL', openPostgres));

// Run here too, beside SQLite and PostgreSQL, so one file shows every store answering the same contract.
const memory: StoreContractOptions = {
  name: 'memory (msw handlers)',
  open: async () => ({ store: createMemoryStore(), close: async () => undefined }),
};
testStoreIdempotencyAndPurge(memory);
testStoreRecords(memory);
testAuthorityStore({
  name: 'memory (msw handlers)',
  open: async () => ({ store: createMemoryAuthorityStore(), close: async () => undefined }),
});
