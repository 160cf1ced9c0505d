import { HostError, type HostErrorCode } from '@healthcode/core';
import { WECHAT } from './wx-api.js';

// WeChat reports failures only as text in `errMsg`, "<api>:fail <reason>"; these patterns
// cover the reasons the adapter's APIs produce, in order of precedence.
const PATTERNS: [RegExp, HostErrorCode][] = [
  [/:fail[: ]*cancel\b/i, 'host/cancelled'],
  [/auth den(y|ied)|permission denied|privacy|authorize/i, 'host/denied'],
  [/time ?out/i, 'host/timeout'],
  [/exceed|size limit|max size|too large/i, 'host/too_large'],
  [/not support|is not a function|no such api|not defined/i, 'host/unsupported'],
];

/** Text of WeChat's `errMsg`, or of a thrown error. */
export function errMsgOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null) {
    const { errMsg, message } = raw as { errMsg?: unknown; message?: unknown };
    if (typeof errMsg === 'string') return errMsg;
    if (typeof message === 'string') return message;
  }
  return String(raw);
}

/**
 * Maps a WeChat failure to `HostError`.
 *
 * @param fallback - code when no pattern matches (`network` for `wx.request`)
 */
export function toWechatError(raw: unknown, fallback: HostErrorCode = 'host/host_error'): HostError {
  const errMsg = errMsgOf(raw);
  const code = PATTERNS.find(([pattern]) => pattern.test(errMsg))?.[1] ?? fallback;
  return new HostError(code, `wechat: ${errMsg}`, { host: WECHAT, raw });
}
