import * as z from 'zod';
import type { HostStorage } from '../host/host.js';
import { type CryptoProvider, type PublicJwk, type TrustList, verifyTrustList } from '../code/index.js';
import { ClientError } from './client-error.js';
import { StoredValue } from './stored-value.js';
import { isOffline } from './transport.js';

const storedSchema = z.object({ signed: z.string().min(1), fetchedAt: z.number() });

interface Entry {
  list: TrustList;
  /** Epoch milliseconds. */
  fetchedAt: number;
}

/** Options of {@link TrustListCache}. */
export interface TrustListCacheOptions {
  storage: HostStorage;
  key: string;
  /** The pinned root every list must be signed by. */
  root: PublicJwk;
  /** Fetches the signed list from the service. */
  fetchSigned: () => Promise<string>;
  /** A list older than this is fetched again when online. */
  maxAgeMs: number;
  now: () => Date;
  crypto?: CryptoProvider;
}

/**
 * The trust list a verifier relies on: fetched, verified against the pinned root,
 * and kept in host storage as its signed form. Whatever comes back from storage is
 * verified again before use, so tampered storage cannot smuggle in an issuer; a list
 * older (by `sequence`) than the trusted one is refused, so a replayed list cannot
 * bring back a revoked key.
 */
export class TrustListCache {
  private readonly stored: StoredValue<z.infer<typeof storedSchema>>;
  private memory: Entry | undefined;

  constructor(private readonly options: TrustListCacheOptions) {
    this.stored = new StoredValue(options.storage, options.key, storedSchema);
  }

  /**
   * The cached list while it is young and unexpired; otherwise a freshly fetched one,
   * or, offline, the cached one as long as it has not expired.
   *
   * @throws `TrustListError` when the fetched list does not verify; `ClientError('trust_list_rollback')`
   */
  async get(opts?: { forceRefresh?: boolean }): Promise<TrustList> {
    const cached = await this.cached();
    const now = this.options.now().getTime();
    if (cached && !opts?.forceRefresh && now - cached.fetchedAt < this.options.maxAgeMs) return cached.list;
    let signed: string;
    try {
      signed = await this.options.fetchSigned();
    } catch (error) {
      if (isOffline(error) && cached) return cached.list;
      throw error;
    }
    const list = await this.verify(signed);
    if (cached && list.sequence < cached.list.sequence) {
      throw new ClientError('client/trust_list_rollback', `The service offered trust list ${list.sequence}, older than the trusted ${cached.list.sequence}`, {
        details: { offered: list.sequence, trusted: cached.list.sequence },
      });
    }
    this.memory = { list, fetchedAt: now };
    await this.stored.write({ signed, fetchedAt: now });
    return list;
  }

  /** The cached list if it still verifies now (signature and expiry). */
  private async cached(): Promise<Entry | undefined> {
    const now = this.options.now().getTime();
    if (this.memory && (this.memory.list.expiresAt === undefined || this.memory.list.expiresAt * 1000 > now)) return this.memory;
    this.memory = undefined;
    const stored = await this.stored.read();
    if (!stored) return undefined;
    try {
      this.memory = { list: await this.verify(stored.signed), fetchedAt: stored.fetchedAt };
    } catch {
      return undefined;
    }
    return this.memory;
  }

  private verify(signed: string): Promise<TrustList> {
    return verifyTrustList(signed, this.options.root, { now: this.options.now(), crypto: this.options.crypto });
  }
}
