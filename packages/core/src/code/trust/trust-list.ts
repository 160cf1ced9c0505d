import * as z from 'zod';
import { MAX_NUMERIC_DATE, codeIdSchema, issuerIdSchema, regionSchema } from '../claims.js';
import { kidSchema, publicJwkSchema, type PublicJwk } from '../keys.js';

/** A public key an issuer signs codes with, and when it may be used (NumericDate seconds, inclusive). */
export interface TrustedKey {
  jwk: PublicJwk;
  notBefore?: number;
  notAfter?: number;
}

/** An organisation allowed to issue codes for the regions it holds. */
export interface TrustedIssuer {
  id: string;
  name: string;
  /** GB/T 2260 codes; `310000` covers every `31xxxx`, `310100` every `3101xx`. */
  regions: string[];
  /** Signing keys; several at once during a rotation. */
  keys: TrustedKey[];
}

/**
 * Which issuers and keys a verifier trusts, and what has been revoked. Treat it as an immutable
 * value: verifiers index it once per object.
 */
export interface TrustList {
  /** Increases with every published list; lets a holder refuse rollbacks. */
  sequence: number;
  issuedAt: number;
  expiresAt?: number;
  issuers: TrustedIssuer[];
  revokedKeyIds: string[];
  revokedCodeIds: string[];
}

/** The `typ` header of a signed trust list, distinct from a code's so neither passes as the other. */
export const TRUST_LIST_TYP = 'hc1-trust';

const numericDate = z.number().int().min(0).max(MAX_NUMERIC_DATE);

const trustedKeySchema = z
  .object({ jwk: publicJwkSchema, notBefore: numericDate.optional(), notAfter: numericDate.optional() })
  .refine((k) => k.notBefore === undefined || k.notAfter === undefined || k.notBefore <= k.notAfter, 'notBefore after notAfter');

/** Validates a trust list's shape; every key id must be unique across issuers. */
export const trustListSchema = z
  .object({
    sequence: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    issuedAt: numericDate,
    expiresAt: numericDate.optional(),
    issuers: z.array(
      z.object({
        id: issuerIdSchema,
        name: z.string().min(1).max(200),
        regions: z.array(regionSchema).min(1),
        keys: z.array(trustedKeySchema).min(1),
      }),
    ),
    revokedKeyIds: z.array(kidSchema),
    revokedCodeIds: z.array(codeIdSchema),
  })
  .refine((l) => new Set(l.issuers.map((i) => i.id)).size === l.issuers.length, 'issuer ids must be unique')
  .refine((l) => {
    const kids = l.issuers.flatMap((i) => i.keys.map((k) => k.jwk.kid));
    return new Set(kids).size === kids.length;
  }, 'key ids must be unique across the list');
