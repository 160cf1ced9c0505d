import { createMemoryAuthorityStore, createMemoryStore } from '@healthcode/service';
import { openSqliteStorage } from '@healthcode/server';
import { testAuthorityStore, testStoreIdempotencyAndPurge } from '@healthcode/test-utils';

testStoreIdempotencyAndPurge({
  name: 'SQLite',
  async open() {
    const store = openSqliteStorage({ path: ':memory:' });
    return { store, close: () => store.close() };
  },
});

// Run here too, beside SQLite, so one file shows both stores answering the same contract.
testStoreIdempotencyAndPurge({
  name: 'memory (msw handlers)',
  async open() {
    return { store: createMemoryStore(), close: async () => undefined };
  },
});

testAuthorityStore({
  name: 'SQLite',
  async open() {
    const storage = openSqliteStorage({ path: ':memory:' });
    if (!storage.authority) throw new Error('the SQLite storage has no authority store');
    return { store: storage.authority, close: () => storage.close() };
  },
});

testAuthorityStore({
  name: 'memory (msw handlers)',
  async open() {
    return { store: createMemoryAuthorityStore(), close: async () => undefined };
  },
});
