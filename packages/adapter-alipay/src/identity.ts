import { HostError, type HostIdentity } from '@healthcode/core';
import { promisifyCallbackApi } from '@healthcode/core/host/kit';
import { toAlipayError } from './errors.js';
import { ALIPAY, type AlipayHostOptions } from './my-api.js';

/**
 * `my.getAuthCode`. Scopes are `auth_base` (silent, user id only) or `auth_user` (asks the
 * user, unlocks profile and real-name data for the service); the service exchanges the
 * `authCode` with `alipay.system.oauth.token`. Refusal is error 2001-2003, `denied`.
 */
export function alipayIdentity({ my, defaultScopes = ['auth_base'] }: AlipayHostOptions): HostIdentity | undefined {
  if (!my.getAuthCode) return undefined;
  return {
    getAuthCode: (options) =>
      promisifyCallbackApi<{ authCode: string }>(
        (h) => my.getAuthCode!({ scopes: options?.scopes ?? defaultScopes, ...h }),
        toAlipayError,
      ).then(({ authCode }) => {
        if (!authCode) throw new HostError('host/host_error', 'alipay: getAuthCode returned no code', { host: ALIPAY, raw: authCode });
        return { code: authCode };
      }),
  };
}
