// What a documentation example may take as given: the values a real app already has.
import type { PublicJwk, Host } from '@healthcode/core';
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
}
