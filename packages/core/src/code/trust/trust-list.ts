import { readPublicJwk, type PublicJwk } from '../keys.js';
import { CODE_ID, ISSUER_ID, KEY_ID, REGION, WHOLE_NUMERIC_DATE, type Rule } from '../rules.js';

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

/** Why a value is refused, with the path to it, e.g. `issuers.0.keys.1.jwk: x: …`. */
class Refusal {
  constructor(readonly message: string) {}
}

function check(rule: Rule, value: unknown, path: string): void {
  if (!rule.test(value)) throw new Refusal(`${path}: ${rule.message}`);
}

function arrayAt(value: unknown, path: string, minLength = 0): unknown[] {
  if (!Array.isArray(value) || value.length < minLength) throw new Refusal(`${path}: must be an array of at least ${minLength}`);
  return value;
}

function recordAt(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Refusal(`${path}: must be an object`);
  return value as Record<string, unknown>;
}

function optionalDate(value: unknown, path: string): number | undefined {
  if (value !== undefined) check(WHOLE_NUMERIC_DATE, value, path);
  return value as number | undefined;
}

function readKey(value: unknown, path: string): TrustedKey {
  const k = recordAt(value, path);
  const jwk = readPublicJwk(k.jwk);
  if (typeof jwk === 'string') throw new Refusal(`${path}.jwk: ${jwk}`);
  const notBefore = optionalDate(k.notBefore, `${path}.notBefore`);
  const notAfter = optionalDate(k.notAfter, `${path}.notAfter`);
  if (notBefore !== undefined && notAfter !== undefined && notBefore > notAfter) throw new Refusal(`${path}: notBefore after notAfter`);
  return { jwk, ...(notBefore === undefined ? {} : { notBefore }), ...(notAfter === undefined ? {} : { notAfter }) };
}

const ISSUER_NAME: Rule = { test: (v) => typeof v === 'string' && v.length >= 1 && v.length <= 200, message: 'name must be 1-200 characters' };

function readIssuer(value: unknown, path: string): TrustedIssuer {
  const i = recordAt(value, path);
  check(ISSUER_ID, i.id, `${path}.id`);
  check(ISSUER_NAME, i.name, `${path}.name`);
  const regions = arrayAt(i.regions, `${path}.regions`, 1);
  regions.forEach((r, n) => check(REGION, r, `${path}.regions.${n}`));
  const keys = arrayAt(i.keys, `${path}.keys`, 1).map((k, n) => readKey(k, `${path}.keys.${n}`));
  return { id: i.id as string, name: i.name as string, regions: [...(regions as string[])], keys };
}

function idList(value: unknown, rule: Rule, path: string): string[] {
  const ids = arrayAt(value, path);
  ids.forEach((id, n) => check(rule, id, `${path}.${n}`));
  return [...(ids as string[])];
}

const SEQUENCE: Rule = {
  test: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
  message: 'sequence must be a whole number from 0 to 2^53 - 1',
};

function readList(value: unknown): TrustList {
  const l = recordAt(value, 'trust list');
  check(SEQUENCE, l.sequence, 'sequence');
  check(WHOLE_NUMERIC_DATE, l.issuedAt, 'issuedAt');
  const expiresAt = optionalDate(l.expiresAt, 'expiresAt');
  const issuers = arrayAt(l.issuers, 'issuers').map((i, n) => readIssuer(i, `issuers.${n}`));
  const revokedKeyIds = idList(l.revokedKeyIds, KEY_ID, 'revokedKeyIds');
  const revokedCodeIds = idList(l.revokedCodeIds, CODE_ID, 'revokedCodeIds');
  if (new Set(issuers.map((i) => i.id)).size !== issuers.length) throw new Refusal('issuer ids must be unique');
  const kids = issuers.flatMap((i) => i.keys.map((k) => k.jwk.kid));
  if (new Set(kids).size !== kids.length) throw new Refusal('key ids must be unique across the list');
  return {
    sequence: l.sequence as number,
    issuedAt: l.issuedAt as number,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    issuers,
    revokedKeyIds,
    revokedCodeIds,
  };
}

/**
 * A trust list with only its known members, or why it is not valid (the first rule that fails,
 * with its path). Every key id must be unique across issuers.
 */
export function readTrustList(value: unknown): TrustList | string {
  try {
    return readList(value);
  } catch (err) {
    if (err instanceof Refusal) return err.message;
    throw err;
  }
}
