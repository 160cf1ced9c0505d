import type { PrivateJwk, PublicJwk } from '../keys.js';

const MAX_ENTRIES = 64;

/** Identity of a key for caching: every member that affects its meaning (kid included). */
function cacheKey(jwk: PublicJwk | PrivateJwk): string {
  const k = jwk as Partial<PrivateJwk>;
  return [k.kty, k.kid, k.alg, k.crv, k.x, k.y, k.n, k.e, k.d].join('|');
}

/**
 * A small bounded cache of imported keys, keyed by kid and every JWK member, so a verifier does not
 * re-import the same key for each code and a changed key under the same kid is never confused with
 * the old one. Failed imports are evicted so a transient failure is retried.
 */
export class KeyCache<T> {
  private readonly entries = new Map<string, T>();
  // A frozen JWK (as in a trust list from verifyTrustList) cannot change, so its identity is as good
  // as its members, and far cheaper to look up than a string of them.
  private readonly frozen = new WeakMap<object, T>();

  /** The cached value for `jwk`, importing it with `load` on a miss. */
  get(jwk: PublicJwk | PrivateJwk, load: () => T): T {
    const known = this.frozen.get(jwk);
    if (known !== undefined) return known;
    const id = cacheKey(jwk);
    let value = this.entries.get(id);
    if (value === undefined) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      value = load();
      this.entries.set(id, value);
      if (value instanceof Promise) {
        value.catch(() => {
          this.entries.delete(id);
          this.frozen.delete(jwk);
        });
      }
    }
    if (Object.isFrozen(jwk)) this.frozen.set(jwk, value);
    return value;
  }
}
