import { registerHost, type HostDefinition } from '@healthcode/core/host/kit';
import { wechatHost } from './wechat-host.js';
import { WECHAT, type WechatHostOptions, type WxLike } from './wx-api.js';

/**
 * The WeChat registry entry. It detects a global `wx` object; `create` uses `options.wx`
 * when given, else that global. Alipay's `my` is checked by its own definition.
 */
export const wechatHostDefinition: HostDefinition<Partial<WechatHostOptions>> = {
  name: WECHAT,
  detect: () => typeof globalWx() === 'object',
  create: (options) => wechatHost({ ...options, wx: options?.wx ?? globalWx() ?? {} }),
};

/** Registers WeChat so `createHost('wechat')` and `createHost('auto')` can build it. */
export function registerWechatHost(): void {
  registerHost(wechatHostDefinition);
}

function globalWx(): WxLike | undefined {
  const wx = (globalThis as { wx?: unknown }).wx;
  return typeof wx === 'object' && wx !== null ? (wx as WxLike) : undefined;
}
