import { createMemoryStore } from '@healthcode/service';
import { openSqliteStorage } from '@healthcode/server';
import { testStoreIdempotencyAndPurge, testStoreRecords, type StoreContractOptions } from '@healthcode/test-utils';

const sqlite: StoreContractOptions = {
  name: 'SQLite',
  async open() {
    const store = openSqliteStorage({ path: ':memory:' });
    return { store, close: () => store.close() };
  },
};
// Run here too, beside SQLite, so one file shows every store answering the same contract.
const memory: StoreContractOptions = {
  name: 'memory (msw handlers)',
  async open() {
    return { store: createMemoryStore(), close: async () => undefined };
  },
};

for (const store of [sqlite, memory]) {
  testStoreIdempotencyAndPurge(store);
  testStoreRecords(store);
}
