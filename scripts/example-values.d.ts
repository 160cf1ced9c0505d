// What a documentation example may take as given: the values a real app already has.
import type { PublicJwk, Host, TrustList } from '@healthcode/core';
import type { WxLike } from '@healthcode/adapter-wechat';

declare global {
  /** The host app's WeChat API object. */
  const wx: WxLike;
  /** The host the app runs in, from an adapter. */
  const host: Host;
  /** The pinned root public key of the trust list. */
  const trustRoot: PublicJwk;
  /** The root public key, as a checkpoint pins it. */
  const rootPublicKey: PublicJwk;
  /** A signed trust list as the service publishes it. */
  const signedTrustList: string;
  /** QR text read by a scanner. */
  const scannedText: string;
  /** A trust list already verified with `verifyTrustList`. */
  const trust: TrustList;
  /** A service's secret key for pseudonymous subject ids. */
  const subjectKey: string;
  /** A trust list already verified with `verifyTrustList`. */
  const trustList: TrustList;
  /** EU DCC document signer certificates (DER, base64), from the gateway or a national backend. */
  const euCertificates: string[];
  /** A SMART Health Cards issuer's JWK Set. */
  const shcJwks: { keys: unknown[] };
  /** An NZ COVID Pass issuer's DID document. */
  const nzDidDocument: unknown;
}
