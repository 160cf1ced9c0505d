import { withoutUndefined } from '@healthcode/core/host/kit';
import { type Host } from '@healthcode/core';
import { alipayCanvas } from './canvas.js';
import { alipayLocation, alipayScan, alipayScreen, alipayScreenshot, alipaySystem, alipayUI } from './device.js';
import { alipayIdentity } from './identity.js';
import { ALIPAY, type AlipayHostOptions } from './my-api.js';
import { alipayRequest } from './request.js';
import { alipayStorage } from './storage.js';

/**
 * A `Host` over Alipay's `my`. Capabilities whose APIs are missing are left out.
 *
 * ```ts
 * const host = alipayHost({ my });
 * ```
 */
export function alipayHost(options: AlipayHostOptions): Host {
  const { my } = options;
  return withoutUndefined({
    name: ALIPAY,
    identity: alipayIdentity(options),
    storage: alipayStorage(my),
    request: alipayRequest(my),
    scan: alipayScan(my),
    canvas: alipayCanvas(my),
    ui: alipayUI(my),
    screen: alipayScreen(my),
    screenshot: alipayScreenshot(my),
    system: alipaySystem(my),
    location: alipayLocation(my),
  });
}
