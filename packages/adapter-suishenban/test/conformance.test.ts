import { suishenbanHost } from '@healthcode/adapter-suishenban';
import { testHost } from '@healthcode/test-utils';
import { createFakeBridge } from './fake-bridge.js';

testHost({
  name: 'suishenban',
  skip: ['canvas'],
  setup(server) {
    const fake = createFakeBridge(server);
    return { host: suishenbanHost({ bridge: fake.bridge }), script: fake.script };
  },
});
