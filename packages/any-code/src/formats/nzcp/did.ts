import type { PublicJwk } from '@healthcode/core';
import { p256PublicKey } from '../p256-key.js';

interface VerificationMethod {
  id?: unknown;
  publicKeyJwk?: unknown;
}

/**
 * The P-256 key a trusted DID document lists for `iss#kid` under both `verificationMethod` and
 * `assertionMethod` (NZ COVID Pass spec, "Verifying the pass"); `undefined` when there is none.
 */
export function didKey(documents: readonly unknown[], iss: string, kid: string): PublicJwk | undefined {
  const doc = documents.find((d) => (d as { id?: unknown } | null)?.id === iss) as
    | { verificationMethod?: VerificationMethod[]; assertionMethod?: unknown[] }
    | undefined;
  const id = `${iss}#${kid}`;
  if (!doc || !Array.isArray(doc.assertionMethod) || !doc.assertionMethod.includes(id)) return undefined;
  return p256PublicKey(Array.isArray(doc.verificationMethod) ? doc.verificationMethod.find((m) => m?.id === id)?.publicKeyJwk : undefined, kid);
}

/** Whether `iss` is a DID whose document the integrator supplied. */
export const isTrustedDid = (documents: readonly unknown[], iss: string): boolean => documents.some((d) => (d as { id?: unknown } | null)?.id === iss);
