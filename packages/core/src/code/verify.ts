import type { HealthStatus } from '../status.js';
import { CODE_TYP, readCodeClaims, statusOf, type CodeDisplay } from './claims.js';
import type { CryptoProvider } from './crypto/provider.js';
import { jwsFromParts } from './jws/compact.js';
import { checkHeader } from './jws/header-policy.js';
import { parseJsonObject } from './jws/json.js';
import { SUPPORTED_ALGORITHMS, type Alg } from './keys.js';
import type { FrameParts } from './qr/frame.js';
import { MAX_QR_TEXT_LENGTH, unwrapQrText } from './qr/qr-text.js';
import { CodeFormatError, CryptoError } from './errors.js';
import { regionCovers, trustIndex, type TrustIndex } from './trust/trust-index.js';
import type { TrustList } from './trust/trust-list.js';

/** Default tolerated clock difference between issuer and verifier, in seconds. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;
/** Largest clock difference a verifier may tolerate, in seconds: beyond an hour, expiry means little. */
export const MAX_CLOCK_SKEW_SECONDS = 3600;

/** Options of {@link verifyCode}. */
export interface VerifyOptions {
  /**
   * The trust list to check against. Lists from {@link verifyTrustList} are deeply frozen and
   * indexed once; a mutable list is re-validated on every call.
   */
  trust: TrustList;
  /** Verification time; now when omitted. */
  now?: Date;
  /** Tolerated clock difference in seconds, 0 to 3600 (default 60). */
  clockSkew?: number;
  crypto?: CryptoProvider;
  /** Algorithms this verifier accepts (default all of ES256, RS256, PS256); never taken from the token. */
  algorithms?: Alg[];
}

/** Every reason a code can be refused, in the order verification checks for them. */
export const VERIFY_FAILURE_REASONS = [
  'too_large',
  'invalid_options',
  'invalid_trust_list',
  'trust_list_expired',
  'malformed',
  'forbidden_header',
  'wrong_type',
  'unsupported_algorithm',
  'unknown_issuer',
  'unknown_key',
  'algorithm_mismatch',
  'key_revoked',
  'unsupported_engine',
  'bad_signature',
  'key_not_valid',
  'region_not_allowed',
  'revoked',
  'not_yet_valid',
  'expired',
  'internal_error',
] as const;

/** Why a code was refused; stable strings, documented in docs/code-format.md. */
export type VerifyFailureReason = (typeof VERIFY_FAILURE_REASONS)[number];

/** A code that verified: what it says and who vouches for it. */
export interface ValidCode {
  valid: true;
  status: HealthStatus;
  issuer: { id: string; name: string };
  region: string;
  subject: string;
  codeId: string;
  issuedAt: Date;
  expiresAt: Date;
  display: CodeDisplay;
  keyId: string;
  alg: Alg;
  /** When the holder's last negative test was sampled, if the code says (claim `nt`). */
  negativeTestAt?: Date;
}

/** A code that did not verify, and why. */
export interface InvalidCode {
  valid: false;
  reason: VerifyFailureReason;
  message: string;
}

/** Outcome of {@link verifyCode}. */
export type VerifyResult = ValidCode | InvalidCode;

const fail = (reason: VerifyFailureReason, message: string): InvalidCode => ({ valid: false, reason, message });

interface Settings {
  now: number;
  skew: number;
  algorithms: readonly Alg[];
  trust: TrustIndex;
}

/** Validates the options; the time as floored NumericDate. */
function readOptions(opts: VerifyOptions): Settings | InvalidCode {
  const date: unknown = opts.now;
  // Duck-typed rather than instanceof, so a Date from another realm (a sandbox, an iframe) works.
  const nowMs = date === undefined ? Date.now() : typeof (date as Date)?.getTime === 'function' ? (date as Date).getTime() : Number.NaN;
  const skew = opts.clockSkew ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const requested: unknown = opts.algorithms ?? SUPPORTED_ALGORITHMS;
  if (!Number.isFinite(nowMs) || typeof skew !== 'number' || !(skew >= 0 && skew <= MAX_CLOCK_SKEW_SECONDS) || !Array.isArray(requested)) {
    return fail('invalid_options', 'now must be a valid Date, clockSkew 0-3600 seconds and algorithms an array');
  }
  const trust = trustIndex(opts.trust);
  if (!trust) return fail('invalid_trust_list', 'the trust list is not valid');
  const now = Math.floor(nowMs / 1000);
  if (trust.expiresAt !== undefined && trust.expiresAt < now - skew) return fail('trust_list_expired', 'the trust list has expired');
  const algorithms = requested === SUPPORTED_ALGORITHMS ? SUPPORTED_ALGORITHMS : SUPPORTED_ALGORITHMS.filter((a) => requested.includes(a));
  return { now, skew, trust, algorithms };
}

/** Decodes QR text into a JWS whose header passes the policy and whose claims fit the schema. */
function readCode(qrText: string, algorithms: readonly Alg[]) {
  let parts: FrameParts;
  try {
    parts = unwrapQrText(qrText);
  } catch (err) {
    if (err instanceof CodeFormatError) return fail(err.code === 'code/too_large' ? 'too_large' : 'malformed', err.message);
    throw err;
  }
  const jws = jwsFromParts(parts.header, parts.payload, parts.signature);
  if (!jws) return fail('malformed', 'the JWS header is not a JSON object');
  const header = checkHeader(jws.header, CODE_TYP, algorithms);
  if (!header.ok) return fail(header.reason, header.message);
  const claims = readCodeClaims(parseJsonObject(jws.payloadBytes));
  if (typeof claims === 'string') return fail('malformed', `claims invalid: ${claims}`);
  return { jws, alg: header.alg, kid: header.kid, claims };
}

/** What verification says when the engine can check no signature and no provider was passed. */
export const NO_CRYPTO_MESSAGE =
  'this engine has neither WebCrypto nor BigInt: pass a crypto provider, e.g. jsrsasignCryptoProvider() from @healthcode/core/crypto/legacy';

/** Whether the signature verifies; `undefined` when no provider here can check `alg`. */
async function signatureVerifies(crypto: CryptoProvider | undefined, ...args: Parameters<CryptoProvider['verify']>): Promise<boolean | undefined> {
  if (!crypto) return undefined;
  try {
    return await crypto.verify(...args);
  } catch (err) {
    if (err instanceof CryptoError && err.code === 'crypto/unavailable') return undefined;
    throw err;
  }
}

/** Whether time `t` lies in the key's validity window, widened by the clock skew. */
function inKeyWindow(key: { notBefore?: number; notAfter?: number }, t: number, skew: number): boolean {
  return (key.notBefore === undefined || t >= key.notBefore - skew) && (key.notAfter === undefined || t <= key.notAfter + skew);
}

async function verifyOrFail(qrText: string, opts: VerifyOptions, fallbackCrypto: () => CryptoProvider | undefined): Promise<VerifyResult> {
  if (typeof qrText !== 'string') return fail('malformed', 'QR text must be a string');
  if (qrText.length > MAX_QR_TEXT_LENGTH) return fail('too_large', `QR text longer than ${MAX_QR_TEXT_LENGTH} characters`);
  const settings = readOptions(opts);
  if ('valid' in settings) return settings;
  const { now, skew, trust } = settings;
  const code = readCode(qrText, settings.algorithms);
  if ('valid' in code) return code;
  const { jws, alg, kid, claims: c } = code;

  // Keys are looked up inside the claimed issuer only, so one issuer's key cannot vouch for another.
  const entry = trust.issuers.get(c.iss);
  if (!entry) return fail('unknown_issuer', `issuer "${c.iss}" is not in the trust list`);
  const key = entry.keys.get(kid);
  if (!key) return fail('unknown_key', `issuer "${c.iss}" has no key "${kid}"`);
  if (key.jwk.alg !== alg) return fail('algorithm_mismatch', `key "${kid}" is for ${key.jwk.alg}, header says ${alg}`);
  if (trust.revokedKeyIds.has(kid)) return fail('key_revoked', `key "${kid}" is revoked`);
  const verified = await signatureVerifies(opts.crypto ?? fallbackCrypto(), alg, key.jwk, jws.signingInput, jws.signature);
  if (verified === undefined) return fail('unsupported_engine', `cannot check ${alg} here: ${NO_CRYPTO_MESSAGE}`);
  if (!verified) return fail('bad_signature', 'signature does not verify');

  if (!inKeyWindow(key, c.iat, skew) || !inKeyWindow(key, now, skew)) return fail('key_not_valid', `key "${kid}" is outside its validity window`);
  if (!entry.issuer.regions.some((held) => regionCovers(held, c.rg))) {
    return fail('region_not_allowed', `issuer "${c.iss}" may not issue codes for region ${c.rg}`);
  }
  if (trust.revokedCodeIds.has(c.jti)) return fail('revoked', `code "${c.jti}" is revoked`);
  if (c.iat > now + skew) return fail('not_yet_valid', 'code issued in the future');
  if (c.exp <= now - skew) return fail('expired', 'code has expired');
  return {
    valid: true,
    status: statusOf(c.st),
    issuer: { id: entry.issuer.id, name: entry.issuer.name },
    region: c.rg,
    subject: c.sub,
    codeId: c.jti,
    issuedAt: new Date(c.iat * 1000),
    expiresAt: new Date(c.exp * 1000),
    display: { name: c.nm, ...(c.dt === undefined ? {} : { documentTail: c.dt }) },
    keyId: kid,
    alg,
    ...(c.nt === undefined ? {} : { negativeTestAt: new Date(c.nt * 1000) }),
  };
}

/** Signature of {@link verifyCode}. */
export type VerifyCode = (qrText: string, opts: VerifyOptions) => Promise<VerifyResult>;

/**
 * verifyCode for an entry point: `fallbackCrypto` gives the provider used when the options name
 * none (each entry has its own, so the checkpoint entry need not carry jsrsasign).
 */
export const codeVerifier = (fallbackCrypto: () => CryptoProvider | undefined): VerifyCode =>
  async (qrText, opts) => {
    try {
      return await verifyOrFail(qrText, opts ?? ({} as VerifyOptions), fallbackCrypto);
    } catch (err) {
      return fail('internal_error', `verification failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
