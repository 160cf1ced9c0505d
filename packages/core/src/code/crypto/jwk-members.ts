import type { PrivateJwk, PublicJwk } from '../keys.js';

/** The key material of a public JWK; `kid`, `alg` and extra members are ours, not the library's. */
export const PUBLIC_JWK_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;
/** The key material of a private JWK. */
export const PRIVATE_JWK_MEMBERS = [...PUBLIC_JWK_MEMBERS, 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/**
 * Only the named key-material members of `jwk`, for handing to a crypto library that
 * would refuse (or misread) our own members such as `kid` on an `alg` it spells differently.
 */
export function pickJwkMembers(jwk: PublicJwk | PrivateJwk, members: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of members) {
    const v = (jwk as unknown as Record<string, unknown>)[m];
    if (v !== undefined) out[m] = v;
  }
  return out;
}
