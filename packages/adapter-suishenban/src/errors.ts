import { HostError, type HostErrorCode } from '@healthcode/core';
import { SUISHENBAN, type BridgeResult } from './bridge.js';

/**
 * The bridge's error numbers: 1-4 are the general codes every API can return (as in
 * mPaaS), 10-12 API-specific ones, 2001 a refused authorisation. See docs/hosts/suishenban.md.
 */
export const SUISHENBAN_ERROR_CODES: Readonly<Record<number, HostErrorCode>> = {
  1: 'host/host_error', // invalid parameter
  2: 'host/unsupported', // unknown API, or not available in this app version
  3: 'host/denied', // no permission
  4: 'host/cancelled', // user cancelled
  10: 'host/network',
  11: 'host/timeout',
  12: 'host/too_large', // storage quota exceeded
  2001: 'host/denied', // user refused authorisation
};

/** Maps a failed bridge result (or a thrown error) to `HostError`. */
export function toSuishenbanError(raw: unknown, api: string): HostError {
  const { error, errorMessage } = (typeof raw === 'object' && raw !== null ? raw : {}) as BridgeResult;
  const code = (typeof error === 'number' && SUISHENBAN_ERROR_CODES[error]) || 'host/host_error';
  const detail = errorMessage ?? (raw instanceof Error ? raw.message : 'failed');
  return new HostError(code, `suishenban ${api}: ${detail}${typeof error === 'number' ? ` (error ${error})` : ''}`, {
    host: SUISHENBAN,
    raw,
  });
}
