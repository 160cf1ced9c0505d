import { sha256 } from '@noble/hashes/sha2';
import { fromBase64, toBase64url } from '../../encoding/base64.js';
import { readCertificate, type SigningCertificate } from '../../x509/certificate.js';
import type { EuDccTrust } from '../../trust.js';

/** Signing certificates by `kid` (the first 8 bytes of SHA-256 of the DER, here in base64url). */
export type EuKeyIndex = ReadonlyMap<string, readonly SigningCertificate[]>;

// Reading certificates costs far more than verifying one signature, so each list is read once.
const cache = new WeakMap<EuDccTrust['certificates'], EuKeyIndex>();

/** The kid the DCC specification derives from a certificate. */
export const euKid = (der: Uint8Array): string => toBase64url(sha256(der).subarray(0, 8));

/** Indexes the integrator's certificates by kid; unreadable ones are left out. */
export function euKeyIndex(trust: EuDccTrust): EuKeyIndex {
  const known = cache.get(trust.certificates);
  if (known) return known;
  const index = new Map<string, SigningCertificate[]>();
  for (const item of trust.certificates) {
    const der = typeof item === 'string' ? fromBase64(item.replace(/\s+/g, '')) : item;
    if (!der) continue;
    const kid = euKid(der);
    const cert = readCertificate(der, kid);
    if (cert) index.set(kid, [...(index.get(kid) ?? []), cert]);
  }
  cache.set(trust.certificates, index);
  return index;
}
