/**
 * `@healthcode/adapter-wechat`: the HealthCode `Host` for WeChat mini-programs and plugins.
 *
 * @packageDocumentation
 */
export { wechatHost } from './wechat-host.js';
export { wechatHostDefinition, registerWechatHost } from './definition.js';
export { toWechatError } from './errors.js';
export { WECHAT_MAX_VALUE_BYTES, type WechatHostOptions, type WxLike } from './wx-api.js';
