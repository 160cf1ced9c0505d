import { setupServer } from 'msw/node';
import { createKeyringState } from '@healthcode/service';
import { DEFAULT_CODE_TTL_SECONDS, toPublicJwk } from '@healthcode/core/code';
import { createServiceHandlers } from '@healthcode/mock-host';
import { testServiceContract, type ContractFetch } from '@healthcode/test-utils';

testServiceContract({
  name: 'msw handlers',
  async setup({ now }) {
    const baseUrl = 'https://health.test';
    const keys = await createKeyringState();
    const operatorToken = 'operator-token-for-tests';
    const server = setupServer(...createServiceHandlers({ baseUrl, keys, now, operatorToken }));
    server.listen({ onUnhandledRequest: 'error' });
    return {
      baseUrl,
      fetch: globalThis.fetch as unknown as ContractFetch,
      operatorToken,
      rootPublicKey: toPublicJwk(keys.root),
      codeTtlSeconds: DEFAULT_CODE_TTL_SECONDS,
      teardown: async () => server.close(),
    };
  },
});
