import { utf8Decode } from '@healthcode/core/code';
import { base32 } from 'rfc4648';
import { cborToJson, decodeCbor, entry } from '../../cose/cbor.js';
import { parseCoseSign1, verifyCoseSign1 } from '../../cose/sign1.js';
import { fail, type FormatOutcome } from '../../result.js';
import type { VerifyContext } from '../../trust.js';
import { maskedHolder } from '../holder.js';
import { secondsToDate, windowFailure } from '../window.js';
import { didKey, isTrustedDid } from './did.js';

/** Prefix of an NZ COVID Pass of spec version 1. */
export const NZCP_PREFIX = 'NZCP:/1/';

const CWT_ISS = 1;
const CWT_EXP = 4;
const CWT_NBF = 5;
const CWT_CTI = 7;
const PASS_TYPES = ['VerifiableCredential', 'PublicCovidPass'];

function base32Decode(text: string): Uint8Array | undefined {
  if (!/^[A-Z2-7]+$/.test(text)) return undefined;
  try {
    return base32.parse(text, { loose: true });
  } catch {
    return undefined;
  }
}

/**
 * Verifies an NZ COVID Pass: base32, COSE_Sign1 with ES256, an issuer among the supplied DID
 * documents, the key `iss#kid` of its document, `nbf` and `exp`, and a PublicCovidPass credential.
 */
export async function verifyNzcp(text: string, trust: { didDocuments: readonly unknown[] } | undefined, ctx: VerifyContext): Promise<FormatOutcome> {
  const cose = base32Decode(text.slice(NZCP_PREFIX.length));
  if (!cose) return fail('bad_encoding', 'not unpadded base32');
  const sign1 = parseCoseSign1(cose);
  const cwt = sign1 && decodeCbor(sign1.payload);
  const vc = cborToJson(entry(cwt, 'vc')) as { type?: unknown; credentialSubject?: Record<string, unknown> } | undefined;
  const iss = entry(cwt, CWT_ISS);
  const kid = sign1?.kid && utf8Decode(sign1.kid);
  const types = vc?.type;
  if (!sign1 || typeof iss !== 'string' || typeof kid !== 'string' || !(entry(cwt, CWT_CTI) instanceof Uint8Array) || !Array.isArray(types) || !PASS_TYPES.every((t) => types.includes(t))) {
    return fail('malformed', 'not a COSE_Sign1 over a CWT holding a PublicCovidPass');
  }
  if (sign1.alg !== 'ES256') return fail('unsupported_algorithm', 'NZ COVID Passes are ES256');
  if (!trust) return fail('no_trust', 'no NZ COVID Pass DID documents were supplied');
  if (!isTrustedDid(trust.didDocuments, iss)) return fail('unknown_issuer', `issuer ${iss} is not trusted`);
  const key = didKey(trust.didDocuments, iss, kid);
  if (!key) return fail('unknown_key', `the DID document lists no assertion key ${iss}#${kid}`);
  if (!(await verifyCoseSign1({ ...sign1, alg: 'ES256' }, key, ctx.crypto))) return fail('bad_signature', 'the signature does not verify');
  const validFrom = secondsToDate(entry(cwt, CWT_NBF));
  const validUntil = secondsToDate(entry(cwt, CWT_EXP));
  if (!validFrom || !validUntil) return fail('malformed', 'nbf and exp are required');
  const window = windowFailure(validFrom, validUntil, ctx);
  if (window) return { ok: false, failures: [window] };
  const subject = vc!.credentialSubject ?? {};
  return { ok: true, code: { issuer: iss, validFrom, validUntil, certifies: ['vaccination'], holder: maskedHolder(subject.givenName, subject.familyName) } };
}
