import { parsePublicJwk, type PublicJwk } from '@healthcode/core';

interface VerificationMethod {
  id?: unknown;
  publicKeyJwk?: Record<string, unknown>;
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
  const jwk = Array.isArray(doc.verificationMethod) ? doc.verificationMethod.find((m) => m?.id === id)?.publicKeyJwk : undefined;
  if (!jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256') return undefined;
  try {
    return parsePublicJwk({ kty: 'EC', crv: 'P-256', kid, alg: 'ES256', x: jwk.x, y: jwk.y });
  } catch {
    return undefined;
  }
}

/** Whether `iss` is a DID whose document the integrator supplied. */
export const isTrustedDid = (documents: readonly unknown[], iss: string): boolean => documents.some((d) => (d as { id?: unknown } | null)?.id === iss);
