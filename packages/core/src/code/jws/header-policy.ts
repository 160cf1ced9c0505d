import { isKeyId, type Alg } from '../keys.js';

/** Header members that would let the token choose its own key or extensions; always refused. */
const FORBIDDEN_MEMBERS = ['jku', 'jwk', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'crit', 'b64', 'zip'] as const;

/** Why a protected header was refused. */
export type HeaderRejection = 'malformed' | 'wrong_type' | 'unsupported_algorithm' | 'forbidden_header';

/** Result of {@link checkHeader}. */
export type HeaderCheck = { ok: true; alg: Alg; kid: string } | { ok: false; reason: HeaderRejection; message: string };

/**
 * Applies the header policy shared by codes and trust lists: the header holds exactly `alg`, `typ`
 * and `kid`; `typ` is the expected one; `alg` is in the caller's allow-list (never trusted from the
 * token itself, which rules out `none` and HMAC confusion); key-carrying members and `crit` are refused.
 */
export function checkHeader(header: Record<string, unknown>, expectedTyp: string, algorithms: readonly Alg[]): HeaderCheck {
  const forbidden = FORBIDDEN_MEMBERS.find((m) => Object.prototype.hasOwnProperty.call(header, m));
  if (forbidden) return { ok: false, reason: 'forbidden_header', message: `header member "${forbidden}" is not accepted` };
  const { alg, typ, kid } = header;
  // Exactly three own members, and these three are present: nothing else can hide in the header.
  if (Object.keys(header).length !== 3 || typeof alg !== 'string' || typeof typ !== 'string' || !isKeyId(kid)) {
    return { ok: false, reason: 'malformed', message: 'header must hold exactly alg, typ and kid' };
  }
  if (typ !== expectedTyp) return { ok: false, reason: 'wrong_type', message: `typ is "${typ}", expected "${expectedTyp}"` };
  if (!(algorithms as readonly string[]).includes(alg)) {
    return { ok: false, reason: 'unsupported_algorithm', message: `alg "${alg}" is not in the allowed list` };
  }
  return { ok: true, alg: alg as Alg, kid };
}
