import { issueCode, type CryptoProvider } from '@healthcode/core/code';
import type { HealthStatus } from '@healthcode/core';
import type { CodeResponse } from '@healthcode/core/api';
import { randomHex } from '../ids.js';
import type { Keyring } from './keyring.js';
import type { StoredCode, ServiceStore } from '../store/store.js';

/** What a code says about its holder; everything else is the issuer's. */
export interface CodeSubject {
  userId: string;
  subjectId: string;
  status: HealthStatus;
  display: StoredCode['display'];
  /** When the holder's last negative test was sampled (epoch ms), to carry in the code. */
  negativeTestAt?: number;
}

/** What the colour function says a code's holder is now. */
export type ColourOf = (code: StoredCode) => Promise<Pick<CodeSubject, 'status' | 'negativeTestAt'>>;

/** Options of {@link createCodeIssuer}. */
export interface CodeIssuerOptions {
  store: ServiceStore;
  keyring: Keyring;
  ttlSeconds: number;
  /** Fraction of the lifetime after which `GET /v1/code` answers with a fresh code. */
  refreshRatio: number;
  now: () => Date;
  crypto?: CryptoProvider;
  /**
   * Most users whose current code is kept in memory; the least recently stored leave first.
   * 0 when several processes share the store: each request then reads the current code
   * from the store, so a code renewed or declared in one process is the one all serve.
   */
  cacheSize?: number;
  /**
   * Other processes share the store: nothing is cached, a change of colour renews the
   * holder's code in the store at once ({@link CodeIssuer.invalidate}), and so a fetch
   * evaluates the colour only when the code is due.
   */
  shared?: boolean;
  /** Recomputes the colour when a code is renewed; default: the last code's status. */
  colourOf?: ColourOf;
}

/**
 * Issues codes and serves each user's current one. The current code is cached per
 * user, so a `GET /v1/code` costs a map lookup until the code is due for refresh;
 * only then is a new one signed (once, however many requests arrive meanwhile).
 */
export function createCodeIssuer(options: CodeIssuerOptions) {
  const cache = boundedMap<string, StoredCode>(options.cacheSize ?? (options.shared ? 0 : 100_000));
  // Users whose colour changed since their cached code was signed: renewed at their next request.
  const stale = new Set<string>();
  const inFlight = new Map<string, Promise<StoredCode | undefined>>();
  const refreshAt = (code: StoredCode) => code.issuedAt + (code.expiresAt - code.issuedAt) * options.refreshRatio;

  async function issue(subject: CodeSubject): Promise<StoredCode> {
    const issuedAtSec = Math.floor(options.now().getTime() / 1000);
    const key = options.keyring.signingKey();
    const codeId = randomHex(12, options.crypto);
    const qrText = await issueCode(
      {
        issuer: options.keyring.issuer.id,
        subject: subject.subjectId,
        status: subject.status,
        region: options.keyring.issuer.region,
        display: subject.display,
        codeId,
        issuedAt: new Date(issuedAtSec * 1000),
        ttlSeconds: options.ttlSeconds,
        ...(subject.negativeTestAt === undefined ? {} : { negativeTestAt: new Date(Math.min(subject.negativeTestAt, issuedAtSec * 1000)) }),
      },
      { key, crypto: options.crypto },
    );
    return {
      codeId,
      userId: subject.userId,
      subjectId: subject.subjectId,
      status: subject.status,
      region: options.keyring.issuer.region,
      display: subject.display,
      qrText,
      keyId: key.kid,
      issuedAt: issuedAtSec * 1000,
      expiresAt: (issuedAtSec + options.ttlSeconds) * 1000,
    };
  }

  async function refresh(userId: string): Promise<StoredCode | undefined> {
    const cached = cache.get(userId);
    const wasStale = stale.delete(userId);
    const latest = cached ?? (await options.store.latestCode(userId));
    if (!latest) return undefined;
    const due = wasStale || options.now().getTime() >= refreshAt(latest);
    // A code read back from the store may predate a change of colour this process never saw
    // (unless the store is shared: whoever saw the change renewed the code there).
    const colour = due || (!cached && !options.shared) ? ((await options.colourOf?.(latest)) ?? latest) : latest;
    if (!due && colour.status === latest.status) {
      cache.set(userId, latest);
      return latest;
    }
    const next = await issue({ ...latest, ...colour });
    // A declaration may have committed a newer code while this one was being signed (here or
    // in another process); saving the re-signed old status now would silently undo it.
    const meanwhile = cache.get(userId);
    if (meanwhile && meanwhile !== latest) return meanwhile;
    const current = await options.store.renewCode(next, latest.codeId);
    cache.set(userId, current);
    return current;
  }

  return {
    /** Signs a new code for `subject` (not stored: the caller commits it with its declaration). */
    issue,
    /** Makes `code` the user's current code in the cache, after it has been stored. */
    remember(code: StoredCode): void {
      stale.delete(code.userId);
      cache.set(code.userId, code);
    },
    /** The user's colour changed: the next request gets a freshly evaluated code. */
    async invalidate(userId: string): Promise<void> {
      if (!options.shared) {
        stale.add(userId);
        return;
      }
      // Other processes serve what the store holds: renew it there now, in the new colour.
      const latest = await options.store.latestCode(userId);
      if (!latest) return;
      const colour = (await options.colourOf?.(latest)) ?? latest;
      await options.store.renewCode(await issue({ ...latest, ...colour }), latest.codeId);
    },
    /** The user's current code, renewed when due; `undefined` when the user never declared. */
    async current(userId: string): Promise<StoredCode | undefined> {
      const cached = cache.get(userId);
      if (cached && !stale.has(userId) && options.now().getTime() < refreshAt(cached)) return cached;
      let pending = inFlight.get(userId);
      if (!pending) {
        pending = refresh(userId).finally(() => inFlight.delete(userId));
        inFlight.set(userId, pending);
      }
      return pending;
    },
    /** The wire form of a code record. */
    toResponse(code: StoredCode): CodeResponse {
      return {
        qrText: code.qrText,
        status: code.status,
        codeId: code.codeId,
        issuedAt: new Date(code.issuedAt).toISOString(),
        expiresAt: new Date(code.expiresAt).toISOString(),
        refreshAfter: new Date(refreshAt(code)).toISOString(),
        display: code.display,
      };
    },
  };
}

/** The code issuer of a service engine. */
export type CodeIssuer = ReturnType<typeof createCodeIssuer>;

/** A Map that forgets its oldest entries beyond `limit` (insertion order; re-setting refreshes). */
export function boundedMap<K, V>(limit: number) {
  const map = new Map<K, V>();
  return {
    get: (key: K) => map.get(key),
    set(key: K, value: V) {
      if (limit === 0) return;
      map.delete(key);
      map.set(key, value);
      if (map.size > limit) map.delete(map.keys().next().value as K);
    },
  };
}
