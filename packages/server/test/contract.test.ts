import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CODE_TTL_SECONDS } from '@healthcode/core/code';
import { createServer } from '@healthcode/server';
import { testServiceContract, type ContractFetch } from '@healthcode/test-utils';

testServiceContract({
  name: 'reference server (fastify + SQLite over loopback HTTP)',
  async setup({ now }) {
    const dir = mkdtempSync(join(tmpdir(), 'healthcode-contract-'));
    const server = await createServer({ dbPath: join(dir, 'service.db'), keysDir: join(dir, 'keys'), now, log: { level: 'silent' } });
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
