import type { CryptoProvider } from '@healthcode/core/code';
import type { TrustList } from '@healthcode/core';

/** EU DCC document signer certificates, as the gateway's trust list or a national backend lists them. */
export interface EuDccTrust {
  /**
   * DER certificates, raw or in base64. Each is found by its `kid`, the first 8 bytes of the SHA-256
   * of its DER; its extended key usage limits which certificate types it may sign.
   */
  certificates: ReadonlyArray<string | Uint8Array>;
}

/** A SMART Health Cards issuer whose cards are accepted. */
export interface ShcIssuer {
  /** The issuer URL, exactly as the cards' `iss` claim writes it. */
  iss: string;
  /** The issuer's JWK Set (its `/.well-known/jwks.json`), supplied by the integrator. */
  jwks: { keys: readonly unknown[] };
  /** The issuer's revocation lists (`/.well-known/crl/<kid>.json`), if it publishes any. */
  revocations?: ReadonlyArray<{ kid: string; rids: readonly string[] }>;
}

/** Trust for every format; a format without trust is refused (`no_trust`), never fetched. */
export interface AnyCodeTrust {
  /** A verified HealthCode trust list (from `verifyTrustList`). */
  healthCode?: TrustList;
  euDcc?: EuDccTrust;
  shc?: { issuers: readonly ShcIssuer[] };
  /** NZ COVID Pass issuers' DID documents; their `id`s are the trusted issuers. */
  nzcp?: { didDocuments: readonly unknown[] };
}

/** How to verify: the clock and the crypto. */
export interface AnyCodeOptions {
  /** Verification time; default now. */
  now?: Date;
  /** Seconds of tolerance on validity windows, 0 to 3600; default 60 (as HealthCode's). */
  clockSkew?: number;
  /** Default: the core's default provider (node:crypto, WebCrypto or jsrsasign, whichever the engine has). */
  crypto?: CryptoProvider;
}

/** {@link AnyCodeOptions} with the defaults applied, as format verifiers receive them. */
export interface VerifyContext {
  now: Date;
  clockSkew: number;
  crypto: CryptoProvider;
}
