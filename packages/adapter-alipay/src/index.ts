/**
 * `@healthcode/adapter-alipay`: the HealthCode `Host` for Alipay mini-programs.
 *
 * @packageDocumentation
 */
export { alipayHost } from './alipay-host.js';
export { alipayHostDefinition, registerAlipayHost } from './definition.js';
export { toAlipayError, ALIPAY_API_CODES, type AlipayApi } from './errors.js';
export { ALIPAY_MAX_VALUE_BYTES, type AlipayHostOptions, type AlipayFailure, type MyLike } from './my-api.js';
