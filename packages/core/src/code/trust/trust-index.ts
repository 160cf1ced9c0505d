import type { PublicJwk } from '../keys.js';
import { readTrustList, type TrustedIssuer, type TrustedKey, type TrustList } from './trust-list.js';

/** A trust list arranged for lookups during verification. */
export interface TrustIndex {
  expiresAt?: number;
  issuers: Map<string, { issuer: TrustedIssuer; keys: Map<string, TrustedKey & { jwk: PublicJwk }> }>;
  revokedKeyIds: Set<string>;
  revokedCodeIds: Set<string>;
}

// Only deeply frozen lists (as verifyTrustList returns) are cached: a mutable list could gain a
// revocation after being indexed, and a stale index would keep accepting the revoked code.
const indexes = new WeakMap<TrustList, TrustIndex | null>();

function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

// The JWK is frozen so crypto providers can find their imported key by its identity (see KeyCache).
const indexedKey = (k: TrustedKey): [string, TrustedKey] => [k.jwk.kid, { ...k, jwk: Object.freeze(k.jwk) }];

function build(list: TrustList): TrustIndex | null {
  const l = readTrustList(list);
  if (typeof l === 'string') return null;
  return {
    ...(l.expiresAt === undefined ? {} : { expiresAt: l.expiresAt }),
    issuers: new Map(l.issuers.map((issuer) => [issuer.id, { issuer, keys: new Map(issuer.keys.map(indexedKey)) }])),
    revokedKeyIds: new Set(l.revokedKeyIds),
    revokedCodeIds: new Set(l.revokedCodeIds),
  };
}

/**
 * The lookup index of a trust list (validating it); `null` when the list is not valid. Built once
 * per deeply frozen list object, and afresh on every call for a mutable one.
 */
export function trustIndex(list: TrustList): TrustIndex | null {
  if (typeof list !== 'object' || list === null) return null;
  const cached = indexes.get(list);
  if (cached !== undefined) return cached;
  const index = build(list);
  if (isDeepFrozen(list)) indexes.set(list, index);
  return index;
}

/** Whether an issuer holding region `held` may sign for `claimed` (GB/T 2260 hierarchy). */
export function regionCovers(held: string, claimed: string): boolean {
  if (held.endsWith('0000')) return claimed.slice(0, 2) === held.slice(0, 2);
  if (held.endsWith('00')) return claimed.slice(0, 4) === held.slice(0, 4);
  return claimed === held;
}
