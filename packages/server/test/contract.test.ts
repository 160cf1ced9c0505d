import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { DEFAULT_CODE_TTL_SECONDS } from '@healthcode/core/code';
import { createServer, openPostgresStorage, openSqliteStorage, type Storage } from '@healthcode/server';
import { freshSchema, postgresForTests, testServiceContract, type ContractFetch } from '@healthcode/test-utils';

/** The contract over loopback HTTP against the reference server on the store `open` makes in `dir`. */
function contractOn(name: string, open: (dir: string) => Promise<Storage>) {
  testServiceContract({
    name: `reference server (fastify + ${name} over loopback HTTP)`,
    async setup({ now }) {
      const dir = mkdtempSync(join(tmpdir(), 'healthcode-contract-'));
      const server = await createServer({ storage: await open(dir), keysDir: join(dir, 'keys'), now, log: { level: 'silent' } });
      const baseUrl = await server.listen(0, '127.0.0.1');
      return {
        baseUrl,
        fetch: globalThis.fetch as unknown as ContractFetch,
        operatorToken: server.operatorToken,
        rootPublicKey: server.rootPublicKey,
        codeTtlSeconds: DEFAULT_CODE_TTL_SECONDS,
        async teardown() {
          await server.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  });
}

contractOn('SQLite', async (dir) => openSqliteStorage({ path: join(dir, 'service.db') }));

const postgres = postgresForTests();
describe.skipIf(postgres.skip !== undefined)('on PostgreSQL', () => {
  contractOn('PostgreSQL', () => openPostgresStorage({ url: postgres.url ?? '', schema: freshSchema(), poolSize: 4 }));
});
