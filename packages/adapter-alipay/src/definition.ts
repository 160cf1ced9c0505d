import { registerHost, type HostDefinition } from '@healthcode/core/host/kit';
import { alipayHost } from './alipay-host.js';
import { ALIPAY, type AlipayHostOptions, type MyLike } from './my-api.js';

/** The Alipay registry entry: detects a global `my`; `create` prefers `options.my`. */
export const alipayHostDefinition: HostDefinition<Partial<AlipayHostOptions>> = {
  name: ALIPAY,
  detect: () => globalMy() !== undefined,
  create: (options) => alipayHost({ ...options, my: options?.my ?? globalMy() ?? {} }),
};

/** Registers Alipay so `createHost('alipay')` and `createHost('auto')` can build it. */
export function registerAlipayHost(): void {
  registerHost(alipayHostDefinition);
}

function globalMy(): MyLike | undefined {
  const my = (globalThis as { my?: unknown }).my;
  return typeof my === 'object' && my !== null ? (my as MyLike) : undefined;
}
