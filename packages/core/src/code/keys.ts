import * as z from 'zod';
import { CodeInputError } from './errors.js';
import type { CryptoProvider } from './crypto/provider.js';
import { defaultCryptoProvider } from './crypto/default-provider.js';

/** Signature algorithms a health code or trust list may use (JWA names). */
export type Alg = 'ES256' | 'RS256' | 'PS256';

/** Every supported algorithm; the default allow-list of verifiers. */
export const SUPPORTED_ALGORITHMS: readonly Alg[] = ['ES256', 'RS256', 'PS256'];

/** A public key as a JWK (RFC 7517): P-256 for ES256, RSA (2048 bits or more) for RS256/PS256. */
export interface PublicJwk {
  kty: 'EC' | 'RSA';
  kid: string;
  alg: Alg;
  crv?: 'P-256';
  x?: string;
  y?: string;
  n?: string;
  e?: string;
}

/** A private key as a JWK: the public members plus the private ones. */
export interface PrivateJwk extends PublicJwk {
  d: string;
  p?: string;
  q?: string;
  dp?: string;
  dq?: string;
  qi?: string;
}

const b64u = (min: number, max = min) =>
  z.string().regex(/^[A-Za-z0-9_-]*$/).min(min).max(max);

const KID = /^[\x21\x23-\x5b\x5d-\x7e]{1,64}$/;

/** Whether `value` is a key id: 1-64 printable ASCII characters without quotes or backslashes. */
export const isKeyId = (value: unknown): value is string => typeof value === 'string' && KID.test(value);

/** Key ids: printable ASCII without quotes or backslashes, so they embed in JSON unchanged. */
export const kidSchema = z.string().regex(KID, 'kid must be 1-64 printable ASCII characters');

const ecPublic = z.object({
  kty: z.literal('EC'),
  kid: kidSchema,
  alg: z.literal('ES256'),
  crv: z.literal('P-256'),
  x: b64u(43),
  y: b64u(43),
});
// 2048-bit modulus = 342 base64url chars; up to 8192 bits.
const rsaPublic = z.object({
  kty: z.literal('RSA'),
  kid: kidSchema,
  alg: z.enum(['RS256', 'PS256']),
  n: b64u(342, 1366),
  e: b64u(1, 8),
});

/** Validates a public JWK and strips unknown members (and any private ones). */
export const publicJwkSchema = z.union([ecPublic, rsaPublic]);

const privateJwkSchema = z.union([
  ecPublic.extend({ d: b64u(43) }),
  rsaPublic.extend({
    d: b64u(342, 1366),
    p: b64u(1, 700),
    q: b64u(1, 700),
    dp: b64u(1, 700),
    dq: b64u(1, 700),
    qi: b64u(1, 700),
  }),
]);

/**
 * Checks a private JWK and returns it with only the members HealthCode uses.
 *
 * @throws {@link CodeInputError} `invalid_key` when it is not a P-256 or RSA private key with kid and alg
 */
export function parsePrivateJwk(jwk: unknown): PrivateJwk {
  const r = privateJwkSchema.safeParse(jwk);
  if (!r.success) throw new CodeInputError('code/invalid_key', `not a usable private JWK: ${r.error.issues[0]?.message ?? ''}`);
  return r.data;
}

/**
 * Checks a public JWK and returns it with only the public members.
 *
 * @throws {@link CodeInputError} `invalid_key` when it is not a P-256 or RSA public key with kid and alg
 */
export function parsePublicJwk(jwk: unknown): PublicJwk {
  const r = publicJwkSchema.safeParse(jwk);
  if (!r.success) throw new CodeInputError('code/invalid_key', `not a usable public JWK: ${r.error.issues[0]?.message ?? ''}`);
  return r.data;
}

/** The public half of a private JWK. */
export function toPublicJwk(key: PrivateJwk): PublicJwk {
  return parsePublicJwk(key);
}

/**
 * Generates a signing key pair (P-256 for ES256, the default; RSA-2048 for RS256/PS256).
 *
 * @param opts.kid - the key id verifiers look the key up by
 */
export async function generateKeyPair(opts: {
  kid: string;
  alg?: Alg;
  crypto?: CryptoProvider;
}): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> {
  const alg = opts.alg ?? 'ES256';
  if (!SUPPORTED_ALGORITHMS.includes(alg)) throw new CodeInputError('code/unsupported_algorithm', `unsupported alg ${String(alg)}`);
  if (!kidSchema.safeParse(opts.kid).success) throw new CodeInputError('code/invalid_input', 'kid must be 1-64 printable ASCII characters');
  const material = await (opts.crypto ?? defaultCryptoProvider()).generateKeyPair(alg);
  const privateJwk = parsePrivateJwk({ ...material, kid: opts.kid, alg });
  return { privateJwk, publicJwk: toPublicJwk(privateJwk) };
}
