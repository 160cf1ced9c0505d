import { alipayHost, type MyLike } from '@healthcode/adapter-alipay';
import { testHost } from '@healthcode/test-utils';
import { createFakeMy } from './fake-my.js';

testHost({
  name: 'alipay',
  skip: ['canvas'],
  setup(server) {
    const fake = createFakeMy(server);
    return { host: alipayHost({ my: fake.my as MyLike }), script: fake.script };
  },
});
