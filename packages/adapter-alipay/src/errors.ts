import { HostError, type HostErrorCode } from '@healthcode/core';
import { ALIPAY, type AlipayFailure } from './my-api.js';

type CodeTable = Partial<Record<number, HostErrorCode>>;

// Alipay's general error numbers. 11 is "user cancelled" for interactive APIs, 12 a
// network failure, 13 and 14 a timeout, and 2001-2003 the user refusing authorisation.
const GENERAL: CodeTable = {
  11: 'host/cancelled',
  12: 'host/network',
  13: 'host/timeout',
  14: 'host/timeout',
  2001: 'host/denied',
  2002: 'host/denied',
  2003: 'host/denied',
};

/**
 * API-specific meanings that override the general table: for `my.request` 11 is a domain
 * outside the allow-list and 14 a body that failed to decode; for `my.scan` 10 is the
 * user closing the scanner; for `my.getLocation` 11 is location permission being off and
 * 13 a failed fix.
 */
export const ALIPAY_API_CODES = {
  request: { 11: 'host/denied', 14: 'host/host_error' },
  scan: { 10: 'host/cancelled' },
  location: { 11: 'host/denied', 13: 'host/host_error' },
  storage: {},
  general: {},
} satisfies Record<string, CodeTable>;

// Storage quota failures carry no dedicated number, only a message.
const STORAGE_FULL = /exceed|limit|too large|超/i;

/** Which table of {@link ALIPAY_API_CODES} applies. */
export type AlipayApi = keyof typeof ALIPAY_API_CODES;

/** Maps a `my.*` failure to `HostError`; unknown numbers become `host_error`. */
export function toAlipayError(raw: unknown, api: AlipayApi = 'general'): HostError {
  const { error, errorMessage } = (typeof raw === 'object' && raw !== null ? raw : {}) as AlipayFailure;
  const table: CodeTable = ALIPAY_API_CODES[api];
  const full = api === 'storage' && STORAGE_FULL.test(errorMessage ?? '');
  const code = full ? 'host/too_large' : (typeof error === 'number' && (table[error] ?? GENERAL[error])) || guessFromText(raw);
  const message = errorMessage ?? (raw instanceof Error ? raw.message : 'call failed');
  return new HostError(code, `alipay: ${message}${typeof error === 'number' ? ` (error ${error})` : ''}`, { host: ALIPAY, raw });
}

// A thrown JS error (old base library without the API) has no number.
function guessFromText(raw: unknown): HostErrorCode {
  const text = raw instanceof Error ? raw.message : '';
  return /not a function|not support/i.test(text) ? 'host/unsupported' : 'host/host_error';
}
