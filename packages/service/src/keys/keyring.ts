import {
  generateKeyPair,
  signTrustList,
  toPublicJwk,
  verifyTrustList,
  type Alg,
  type CryptoProvider,
  type PrivateJwk,
  type PublicJwk,
  type TrustList,
  type TrustedKey,
} from '@healthcode/core/code';
import { ServiceConfigError } from '../errors.js';
import { randomHex } from '../ids.js';

/** The issuer a service signs codes as, published in its trust list. */
export interface IssuerInfo {
  id: string;
  name: string;
  /** Region code put in each code, e.g. `310000` (Shanghai). */
  region: string;
}

/** An issuer signing key and its life: `retiredAt` is set when a newer key took over. */
export interface StoredIssuerKey {
  jwk: PrivateJwk;
  /** NumericDate (seconds). */
  createdAt: number;
  retiredAt?: number;
}

/**
 * All key material of a service, JSON-serialisable so a server can persist it
 * (the reference server keeps it in its keys directory).
 */
export interface KeyringState {
  /** Signs the trust list; its public half is what clients are configured with. */
  root: PrivateJwk;
  /** Oldest first; the last one signs new codes. */
  issuerKeys: StoredIssuerKey[];
  /** Secret for `deriveSubjectId` (hex). Losing it orphans every subject id. */
  subjectKey: string;
  /** Sequence number of the last trust list signed. */
  sequence: number;
  /**
   * Codes revoked before they expire (a colour got worse), each kept until its code's
   * expiry (NumericDate) plus the clock-skew slack, so the list holds at most the codes
   * revoked within one code lifetime.
   */
  revokedCodes?: RevokedCode[];
}

/** A revoked code id and when its code expires (NumericDate seconds). */
export interface RevokedCode {
  codeId: string;
  expiresAt: number;
}

/** Options of {@link createKeyringState}. */
export interface CreateKeyringStateOptions {
  alg?: Alg;
  crypto?: CryptoProvider;
  now?: Date;
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 10).replace(/-/g, '');
}

async function newIssuerKey(now: Date, alg: Alg | undefined, crypto: CryptoProvider | undefined): Promise<StoredIssuerKey> {
  const kid = `issuer-${stamp(now)}-${randomHex(4, crypto)}`;
  const { privateJwk } = await generateKeyPair({ kid, alg, crypto });
  return { jwk: privateJwk, createdAt: Math.floor(now.getTime() / 1000) };
}

/** Generates fresh key material: a root key, one issuer key and a subject key. */
export async function createKeyringState(options: CreateKeyringStateOptions = {}): Promise<KeyringState> {
  const now = options.now ?? new Date();
  const { privateJwk: root } = await generateKeyPair({
    kid: `root-${stamp(now)}-${randomHex(4, options.crypto)}`,
    alg: options.alg,
    crypto: options.crypto,
  });
  const issuer = await newIssuerKey(now, options.alg, options.crypto);
  return { root, issuerKeys: [issuer], subjectKey: randomHex(32, options.crypto), sequence: 0 };
}

/** Key material as several processes share it: the state and the trust list last signed. */
export interface SharedKeys {
  state: KeyringState;
  /** The compact JWS of the trust list last published, if any. */
  signedTrustList?: string;
}

/**
 * Where processes sharing one database keep their key material, so that they act as one
 * signer: one trust-list sequence, one rotation, one signed list for all.
 */
export interface SharedKeyringStore {
  /** The shared keys, or `undefined` before the first write. */
  read(): Promise<SharedKeys | undefined>;
  /**
   * Calls `change` with the latest shared keys while holding the store's lock (no other
   * process changes them meanwhile) and stores what it returns.
   */
  update(change: (latest: SharedKeys | undefined) => Promise<SharedKeys>): Promise<SharedKeys>;
}

/** Options of {@link createKeyring}. */
export interface KeyringOptions {
  issuer: IssuerInfo;
  /** Lifetime of the codes this service issues: a retired key stays published this long (plus slack). */
  codeTtlSeconds: number;
  /** How long a signed trust list is valid; it is re-signed at a quarter of that age. Default 7 days. */
  trustListTtlSeconds?: number;
  /** Algorithm of keys made by {@link Keyring.rotate}. */
  alg?: Alg;
  crypto?: CryptoProvider;
  now?: () => Date;
  /** Called with the new state after every change, to persist it. */
  onChange?: (state: KeyringState) => void | Promise<void>;
  /** Shares the key material with other processes; see {@link Keyring.sync}. */
  shared?: SharedKeyringStore;
}

/** The current trust list, as an object (for verifying) and signed (for publishing). */
export interface PublishedTrustList {
  trust: TrustList;
  signed: string;
}

/** Key material in use: signs codes, publishes the trust list, rotates the issuer key. */
export interface Keyring {
  readonly issuer: IssuerInfo;
  readonly subjectKey: string;
  readonly rootPublicKey: PublicJwk;
  /** The key new codes are signed with. */
  signingKey(): PrivateJwk;
  /** The trust list as of now, re-signed when its keys changed or it is getting old. */
  current(): Promise<PublishedTrustList>;
  /**
   * Makes a new issuer key the signing key. The old one stays in the trust list until
   * every code it signed has expired, so no valid code stops verifying.
   *
   * @returns the new key's public half
   */
  rotate(): Promise<PublicJwk>;
  /**
   * Puts code ids in the trust list's revoked code ids until their codes expire, and
   * re-signs the list, so a checkpoint that syncs refuses them.
   */
  revokeCodes(codes: readonly RevokedCode[]): Promise<void>;
  /** A copy of the state, for persisting. */
  state(): KeyringState;
  /**
   * Adopts what other processes changed in the shared store (a rotation, a newer trust
   * list); a no-op without one. Servers call it every few seconds.
   */
  sync(): Promise<void>;
}

/** Slack beyond a code's lifetime before a retired key leaves the trust list, for clock skew. */
const RETIRED_KEY_SLACK_SECONDS = 300;

/** Wraps key material (see {@link createKeyringState}) as a {@link Keyring}. */
export function createKeyring(initial: KeyringState, options: KeyringOptions): Keyring {
  let state: KeyringState = structuredCloneState(initial);
  const now = options.now ?? (() => new Date());
  const listTtl = options.trustListTtlSeconds ?? 7 * 86_400;
  let published: { value: PublishedTrustList; fingerprint: string } | undefined;
  let signing: Promise<PublishedTrustList> | undefined;

  const keyNotAfter = (k: StoredIssuerKey) =>
    k.retiredAt === undefined ? undefined : k.retiredAt + options.codeTtlSeconds + RETIRED_KEY_SLACK_SECONDS;

  function publishedKeys(nowSec: number): TrustedKey[] {
    return state.issuerKeys
      .filter((k) => {
        const notAfter = keyNotAfter(k);
        return notAfter === undefined || nowSec < notAfter;
      })
      .map((k) => {
        const notAfter = keyNotAfter(k);
        return notAfter === undefined ? { jwk: toPublicJwk(k.jwk) } : { jwk: toPublicJwk(k.jwk), notAfter };
      });
  }

  // A revoked code leaves the list once it would fail verification as expired anyway.
  const liveRevocations = (nowSec: number) => (state.revokedCodes ?? []).filter((r) => nowSec < r.expiresAt + RETIRED_KEY_SLACK_SECONDS);
  const fingerprintOf = (keys: readonly TrustedKey[], revoked: readonly string[]) =>
    `${keys.map((k) => `${k.jwk.kid}/${k.notAfter ?? ''}`).join(',')};${revoked.length}:${revoked[revoked.length - 1] ?? ''}`;
  const wanted = (nowSec: number) => {
    const keys = publishedKeys(nowSec);
    return {
      keys,
      fingerprint: fingerprintOf(
        keys,
        liveRevocations(nowSec).map((r) => r.codeId),
      ),
    };
  };
  const isFresh = (fingerprint: string, nowSec: number) =>
    published !== undefined && published.fingerprint === fingerprint && nowSec < published.value.trust.issuedAt + listTtl / 4;
  // Published lists are the deeply frozen ones verifyTrustList returns: verifiers index a
  // frozen list once (a mutable one is re-indexed on every check-in), and every list this
  // keyring publishes is checked against its root key before use.
  const frozen = (signed: string, nowSec: number) =>
    verifyTrustList(signed, toPublicJwk(state.root), { now: new Date(nowSec * 1000), crypto: options.crypto });

  async function adopt(keys: SharedKeys): Promise<void> {
    state = structuredCloneState(keys.state);
    const signed = keys.signedTrustList;
    if (signed === undefined) {
      published = undefined;
      return;
    }
    const trust = await frozen(signed, Math.floor(now().getTime() / 1000));
    published = {
      value: { trust, signed },
      fingerprint: fingerprintOf(
        trust.issuers.flatMap((i) => i.keys),
        trust.revokedCodeIds,
      ),
    };
  }

  /** Runs `change` on the shared keys under the store's lock, or on the local ones when nothing is shared. */
  async function changeShared(change: () => Promise<void>): Promise<void> {
    if (!options.shared) return change();
    await options.shared.update(async (latest) => {
      if (latest) await adopt(latest);
      await change();
      return { state: structuredCloneState(state), signedTrustList: published?.value.signed };
    });
  }

  async function sign(keys: TrustedKey[], fingerprint: string, nowSec: number): Promise<PublishedTrustList> {
    state.sequence += 1;
    const trust: TrustList = {
      sequence: state.sequence,
      issuedAt: nowSec,
      expiresAt: nowSec + listTtl,
      issuers: [{ id: options.issuer.id, name: options.issuer.name, regions: [options.issuer.region], keys }],
      revokedKeyIds: [],
      revokedCodeIds: liveRevocations(nowSec).map((r) => r.codeId),
    };
    const signed = await signTrustList(trust, state.root, { crypto: options.crypto });
    await options.onChange?.(structuredCloneState(state));
    published = { value: { trust: await frozen(signed, nowSec), signed }, fingerprint };
    return published.value;
  }

  return {
    issuer: options.issuer,
    subjectKey: state.subjectKey,
    rootPublicKey: toPublicJwk(state.root),
    signingKey() {
      const last = state.issuerKeys[state.issuerKeys.length - 1];
      if (!last) throw new ServiceConfigError('service/no_issuer_key', 'keyring has no issuer key');
      return last.jwk;
    },
    current() {
      const nowSec = Math.floor(now().getTime() / 1000);
      const { fingerprint } = wanted(nowSec);
      if (published && isFresh(fingerprint, nowSec)) return Promise.resolve(published.value);
      // One signer at a time: concurrent callers share the signature being made, and with a
      // shared store the first process to sign publishes for all (the others adopt its list).
      signing ??= changeShared(async () => {
        const latest = wanted(nowSec);
        if (!isFresh(latest.fingerprint, nowSec)) await sign(latest.keys, latest.fingerprint, nowSec);
      })
        .then(() => (published as { value: PublishedTrustList }).value)
        .finally(() => {
          signing = undefined;
        });
      return signing;
    },
    async rotate() {
      const at = now();
      const next = await newIssuerKey(at, options.alg, options.crypto);
      const nowSec = Math.floor(at.getTime() / 1000);
      await changeShared(async () => {
        for (const k of state.issuerKeys) k.retiredAt ??= nowSec;
        // Keys whose codes have all expired are of no use any more: forget them.
        state.issuerKeys = state.issuerKeys.filter((k) => nowSec < (keyNotAfter(k) ?? Infinity));
        state.issuerKeys.push(next);
        await options.onChange?.(structuredCloneState(state));
      });
      return toPublicJwk(next.jwk);
    },
    async revokeCodes(codes) {
      if (codes.length === 0) return;
      const nowSec = Math.floor(now().getTime() / 1000);
      await changeShared(async () => {
        const known = new Set((state.revokedCodes ?? []).map((r) => r.codeId));
        state.revokedCodes = [
          ...liveRevocations(nowSec),
          ...codes.filter((c) => !known.has(c.codeId) && nowSec < c.expiresAt + RETIRED_KEY_SLACK_SECONDS),
        ];
        await options.onChange?.(structuredCloneState(state));
      });
    },
    state: () => structuredCloneState(state),
    async sync() {
      const latest = await options.shared?.read();
      if (latest && latest.state.sequence >= state.sequence) await adopt(latest);
    },
  };
}

function structuredCloneState(s: KeyringState): KeyringState {
  return JSON.parse(JSON.stringify(s)) as KeyringState;
}
