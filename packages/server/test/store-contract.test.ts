import { createMemoryStore } from '@healthcode/service';
import { openSqliteStorage } from '@healthcode/server';
import { testStoreIdempotencyAndPurge } from '@healthcode/test-utils';

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
