import { wechatHost, type WxLike } from '@healthcode/adapter-wechat';
import { testHost } from '@healthcode/test-utils';
import { createFakeWx } from './fake-wx.js';

testHost({
  name: 'wechat',
  skip: ['canvas'],
  setup(server) {
    const fake = createFakeWx(server);
    return { host: wechatHost({ wx: fake.wx as WxLike }), script: fake.script };
  },
});
