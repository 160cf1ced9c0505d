import { withoutUndefined } from '@healthcode/core/host/kit';
import { type Host } from '@healthcode/core';
import { wechatCanvas } from './canvas.js';
import { wechatLocation, wechatScan, wechatScreen, wechatScreenshot, wechatSystem, wechatUI } from './device.js';
import { wechatIdentity } from './identity.js';
import { wechatRequest } from './request.js';
import { wechatStorage } from './storage.js';
import { WECHAT, type WechatHostOptions } from './wx-api.js';

/**
 * A `Host` over WeChat's `wx`, callback style throughout (promise-style `wx` calls return
 * `undefined` inside plugins). Capabilities whose APIs are missing are left out.
 *
 * ```ts
 * const host = wechatHost({ wx });                      // in an app
 * const pluginHost = wechatHost({ wx, context: 'plugin' }); // in a plugin
 * ```
 */
export function wechatHost(options: WechatHostOptions): Host {
  const { wx } = options;
  return withoutUndefined({
    name: WECHAT,
    identity: wechatIdentity(options),
    storage: wechatStorage(wx),
    request: wechatRequest(wx),
    scan: wechatScan(wx),
    canvas: wechatCanvas(wx),
    ui: wechatUI(wx),
    screen: wechatScreen(wx),
    screenshot: wechatScreenshot(wx),
    system: wechatSystem(wx),
    location: wechatLocation(wx),
  });
}
