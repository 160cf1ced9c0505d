import { parseJsonObject } from '@healthcode/core/code';
import { type PublicJwk } from '@healthcode/core';
import { fromBase64url } from '../../encoding/base64.js';
import { inflateRaw } from '../../encoding/inflate.js';
import { fail, type FormatOutcome } from '../../result.js';
import type { ShcIssuer, VerifyContext } from '../../trust.js';
import { maskedHolder } from '../holder.js';
import { p256PublicKey } from '../p256-key.js';
import { secondsToDate, windowFailure } from '../window.js';
import { bundleCertifies, bundleResources, patientName } from './fhir.js';
import { isChunked, numericToJws } from './numeric.js';

const HEALTH_CARD = 'https://smarthealth.cards#health-card';
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** The issuer's key with this kid, as an ES256 public JWK; `undefined` when absent or unusable. */
function issuerKey(issuer: ShcIssuer, kid: string): PublicJwk | undefined {
  return p256PublicKey(issuer.jwks.keys.find((k) => (k as { kid?: unknown } | null)?.kid === kid), kid);
}

/**
 * Whether the card's revocation id is on the issuer's list for its key: `rid` alone revokes every
 * card, `rid.t` the cards issued (nbf) before time t.
 */
function isRevoked(issuer: ShcIssuer, kid: string, rid: unknown, nbf: number): boolean {
  if (typeof rid !== 'string') return false;
  const rids = issuer.revocations?.find((r) => r.kid === kid)?.rids ?? [];
  return rids.some((entry) => {
    const [id, until] = entry.split('.');
    return id === rid && (until === undefined || nbf < Number(until));
  });
}

/**
 * Verifies a single-QR SMART Health Card: numeric decoding, compact JWS with `zip: DEF`, ES256
 * signature by a key of the trusted issuer named in `iss`, revocation, `nbf`/`exp`, and a
 * health-card credential holding a FHIR bundle.
 */
export async function verifyShc(text: string, issuers: readonly ShcIssuer[] | undefined, ctx: VerifyContext): Promise<FormatOutcome> {
  if (isChunked(text)) return fail('chunked', 'a card split over several QR codes; scan it as one (SMART allows this only for legacy cards)');
  const jws = numericToJws(text);
  if (!jws) return fail('bad_encoding', 'not shc:/ followed by pairs of digits 00-77');
  const parts = jws.split('.');
  const [header, compressed, signature] = parts.map(fromBase64url);
  const head = header && parseJsonObject(header);
  if (parts.length !== 3 || !head || !compressed || !signature) return fail('malformed', 'not a compact JWS');
  if (head.alg !== 'ES256' || head.zip !== 'DEF') return fail('unsupported_algorithm', 'SMART Health Cards are ES256 with zip DEF');
  const payloadBytes = inflateRaw(compressed);
  if (!payloadBytes) return fail('bad_compression', 'payload is not raw DEFLATE');
  const payload = parseJsonObject(payloadBytes);
  const vc = payload?.vc as { type?: unknown; credentialSubject?: { fhirBundle?: unknown }; rid?: unknown } | undefined;
  const resources = bundleResources(vc?.credentialSubject?.fhirBundle);
  const nbf = payload?.nbf;
  if (!payload || typeof payload.iss !== 'string' || typeof nbf !== 'number' || !Array.isArray(vc?.type) || !vc.type.includes(HEALTH_CARD) || !resources) {
    return fail('malformed', 'payload is not a health-card credential with iss, nbf and a FHIR bundle');
  }
  if (!issuers) return fail('no_trust', 'no SMART Health Cards issuers were supplied');
  const issuer = issuers.find((i) => i.iss === payload.iss);
  if (!issuer) return fail('unknown_issuer', `issuer ${payload.iss} is not trusted`);
  const key = typeof head.kid === 'string' ? issuerKey(issuer, head.kid) : undefined;
  if (!key) return fail('unknown_key', 'the issuer has no P-256 key with this kid');
  const signed = ascii(`${parts[0]}.${parts[1]}`);
  if (!(await ctx.crypto.verify('ES256', key, signed, signature))) return fail('bad_signature', 'the signature does not verify');
  if (isRevoked(issuer, key.kid, vc.rid, nbf)) return fail('revoked', 'the issuer revoked this card');
  const validFrom = secondsToDate(nbf);
  const validUntil = secondsToDate(payload.exp);
  const window = windowFailure(validFrom, validUntil, ctx);
  if (window) return { ok: false, failures: [window] };
  return {
    ok: true,
    code: { issuer: payload.iss, validFrom, validUntil, certifies: bundleCertifies(resources), holder: maskedHolder(...patientName(resources)) },
  };
}
