import { CodeInputError } from './errors.js';
import { KEY_ID, base64url, type Rule } from './rules.js';

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

/** Whether `value` is a key id: 1-64 printable ASCII characters without quotes or backslashes. */
export const isKeyId = (value: unknown): value is string => KEY_ID.test(value);

const oneOf = (values: readonly string[]): Rule => ({ test: (v) => values.includes(v as string), message: `must be ${values.join(' or ')}` });
const P256_COORDINATE = base64url(43);
// 2048-bit modulus = 342 base64url chars; up to 8192 bits.
const RSA_LARGE = base64url(342, 1366);
const RSA_FACTOR = base64url(1, 700);
const PUBLIC_MEMBERS: Record<'EC' | 'RSA', [string, Rule][]> = {
  EC: [['kid', KEY_ID], ['alg', oneOf(['ES256'])], ['crv', oneOf(['P-256'])], ['x', P256_COORDINATE], ['y', P256_COORDINATE]],
  RSA: [['kid', KEY_ID], ['alg', oneOf(['RS256', 'PS256'])], ['n', RSA_LARGE], ['e', base64url(1, 8)]],
};
const PRIVATE_MEMBERS: Record<'EC' | 'RSA', [string, Rule][]> = {
  EC: [['d', P256_COORDINATE]],
  // d is any number below n: about one key in 256 has a d of fewer bytes than the modulus.
  RSA: [['d', base64url(1, 1366)], ['p', RSA_FACTOR], ['q', RSA_FACTOR], ['dp', RSA_FACTOR], ['dq', RSA_FACTOR], ['qi', RSA_FACTOR]],
};

/**
 * The JWK with only the members HealthCode uses (public ones, and private ones when `withPrivate`),
 * or why it is not a P-256 or RSA key with kid and alg.
 */
function readJwk(jwk: unknown, withPrivate: boolean): Record<string, string> | string {
  if (typeof jwk !== 'object' || jwk === null) return 'not an object';
  const source = jwk as Record<string, unknown>;
  const kty = source.kty;
  if (kty !== 'EC' && kty !== 'RSA') return 'kty must be EC or RSA';
  const rules = withPrivate ? [...PUBLIC_MEMBERS[kty], ...PRIVATE_MEMBERS[kty]] : PUBLIC_MEMBERS[kty];
  const out: Record<string, string> = { kty };
  for (const [member, rule] of rules) {
    if (!rule.test(source[member])) return `${member}: ${rule.message}`;
    out[member] = source[member] as string;
  }
  return out;
}

/**
 * Checks a public JWK: the key with only its public members, or why it is refused.
 */
export function readPublicJwk(jwk: unknown): PublicJwk | string {
  return readJwk(jwk, false) as PublicJwk | string;
}

/**
 * Checks a private JWK and returns it with only the members HealthCode uses.
 *
 * @throws {@link CodeInputError} `invalid_key` when it is not a P-256 or RSA private key with kid and alg
 */
export function parsePrivateJwk(jwk: unknown): PrivateJwk {
  const r = readJwk(jwk, true);
  if (typeof r === 'string') throw new CodeInputError('code/invalid_key', `not a usable private JWK: ${r}`);
  return r as unknown as PrivateJwk;
}

/**
 * Checks a public JWK and returns it with only the public members.
 *
 * @throws {@link CodeInputError} `invalid_key` when it is not a P-256 or RSA public key with kid and alg
 */
export function parsePublicJwk(jwk: unknown): PublicJwk {
  const r = readPublicJwk(jwk);
  if (typeof r === 'string') throw new CodeInputError('code/invalid_key', `not a usable public JWK: ${r}`);
  return r;
}

/** The public half of a private JWK. */
export function toPublicJwk(key: PrivateJwk): PublicJwk {
  return parsePublicJwk(key);
}
