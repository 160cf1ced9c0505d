import { HostError, type HostIdentity } from '@healthcode/core';
import { promisifyCallbackApi } from '@healthcode/core/host/kit';
import { toWechatError } from './errors.js';
import { WECHAT, type WechatHostOptions } from './wx-api.js';

/**
 * `getAuthCode` over `wx.login` in an app and `wx.pluginLogin` in a plugin (where
 * `wx.login` does not exist). WeChat has no scopes for this code: the service exchanges
 * it with `code2Session`, so `scopes` are ignored.
 */
export function wechatIdentity({ wx, context = 'app' }: WechatHostOptions): HostIdentity | undefined {
  const login = context === 'plugin' ? wx.pluginLogin : wx.login;
  if (!login) return undefined;
  return {
    getAuthCode: () =>
      promisifyCallbackApi<{ code: string }>(
        (h) => (context === 'plugin' ? wx.pluginLogin!({ ...h }) : wx.login!({ ...h })),
        toWechatError,
      ).then(({ code }) => {
        if (!code) throw new HostError('host/host_error', 'wechat: login returned no code', { host: WECHAT, raw: code });
        return { code };
      }),
  };
}
