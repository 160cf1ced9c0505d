import type { CryptoProvider } from '../crypto/provider.js';
import { CryptoError, TrustListError } from '../errors.js';
import { decodeCompactJws } from '../jws/compact.js';
import { checkHeader } from '../jws/header-policy.js';
import { parseJsonObject } from '../jws/json.js';
import { SUPPORTED_ALGORITHMS, parsePublicJwk, type PublicJwk } from '../keys.js';
import { DEFAULT_CLOCK_SKEW_SECONDS, MAX_CLOCK_SKEW_SECONDS, NO_CRYPTO_MESSAGE } from '../verify.js';
import { TRUST_LIST_TYP, readTrustList, type TrustList } from './trust-list.js';

/** Longest signed trust list accepted (1 MiB of text). */
export const MAX_TRUST_LIST_LENGTH = 1 << 20;

/** Options of {@link verifyTrustList}. */
export interface VerifyTrustListOptions {
  /** Time to check `issuedAt`/`expiresAt` against; now when omitted. */
  now?: Date;
  /** Tolerated clock difference in seconds (default 60). */
  clockSkew?: number;
  /** Refuse lists with a lower `sequence` (rollback protection): pass the sequence already held. */
  minSequence?: number;
  crypto?: CryptoProvider;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Signature of {@link verifyTrustList}. */
export type VerifyTrustList = (signed: string, rootKey: PublicJwk | PublicJwk[], opts?: VerifyTrustListOptions) => Promise<TrustList>;

/**
 * verifyTrustList for an entry point: `fallbackCrypto` gives the provider used when the options
 * name none (each entry has its own, so the checkpoint entry need not carry jsrsasign).
 */
export const trustListVerifier = (fallbackCrypto: () => CryptoProvider | undefined): VerifyTrustList =>
  (signed, rootKey, opts = {}) => verifyWith(signed, rootKey, opts, fallbackCrypto);

async function verifyWith(
  signed: string,
  rootKey: PublicJwk | PublicJwk[],
  opts: VerifyTrustListOptions,
  fallbackCrypto: () => CryptoProvider | undefined,
): Promise<TrustList> {
  // An invalid clock makes every time comparison false, which would accept an expired list.
  const nowMs = opts.now === undefined ? Date.now() : opts.now instanceof Date ? opts.now.getTime() : Number.NaN;
  const skew = opts.clockSkew ?? DEFAULT_CLOCK_SKEW_SECONDS;
  if (!Number.isFinite(nowMs) || typeof skew !== 'number' || !(skew >= 0 && skew <= MAX_CLOCK_SKEW_SECONDS) || (opts.minSequence !== undefined && !Number.isFinite(opts.minSequence))) {
    throw new TrustListError('trust_list/invalid_options', 'now must be a valid Date, clockSkew 0-3600 seconds, minSequence finite');
  }
  if (typeof signed !== 'string' || signed.length > MAX_TRUST_LIST_LENGTH) {
    throw new TrustListError('trust_list/malformed', 'signed trust list must be a string of at most 1 MiB');
  }
  const decoded = decodeCompactJws(signed);
  if (!decoded) throw new TrustListError('trust_list/malformed', 'not a compact JWS');
  const header = checkHeader(decoded.header, TRUST_LIST_TYP, SUPPORTED_ALGORITHMS);
  if (!header.ok) throw new TrustListError(`trust_list/${header.reason}`, header.message);
  const roots = (Array.isArray(rootKey) ? rootKey : [rootKey]).map(parsePublicJwk);
  const root = roots.find((k) => k.kid === header.kid);
  if (!root) throw new TrustListError('trust_list/unknown_key', `trust list signed by unknown root key "${header.kid}"`);
  if (root.alg !== header.alg) throw new TrustListError('trust_list/unsupported_algorithm', `root key ${root.kid} is for ${root.alg}, header says ${header.alg}`);
  const crypto = opts.crypto ?? fallbackCrypto();
  if (!crypto) throw new CryptoError('crypto/unavailable', NO_CRYPTO_MESSAGE);
  if (!(await crypto.verify(header.alg, root, decoded.signingInput, decoded.signature))) {
    throw new TrustListError('trust_list/bad_signature', 'trust list signature does not verify');
  }
  const list = readTrustList(parseJsonObject(decoded.payloadBytes));
  if (typeof list === 'string') throw new TrustListError('trust_list/invalid_content', `trust list ${list}`);
  const now = Math.floor(nowMs / 1000);
  if (list.issuedAt > now + skew) throw new TrustListError('trust_list/not_yet_valid', 'trust list issued in the future');
  if (list.expiresAt !== undefined && list.expiresAt < now - skew) throw new TrustListError('trust_list/expired', 'trust list has expired');
  if (opts.minSequence !== undefined && list.sequence < opts.minSequence) {
    throw new TrustListError('trust_list/stale', `trust list sequence ${list.sequence} is older than ${opts.minSequence}`);
  }
  return deepFreeze(list);
}
