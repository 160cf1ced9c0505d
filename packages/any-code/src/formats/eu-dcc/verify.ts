import { base45Decode } from '../../encoding/base45.js';
import { unzlib } from '../../encoding/inflate.js';
import { cborToJson, decodeCbor, entry } from '../../cose/cbor.js';
import { parseCoseSign1, verifyCoseSign1, type CoseSign1 } from '../../cose/sign1.js';
import { toBase64url } from '../../encoding/base64.js';
import type { Certification, Failure, FormatOutcome } from '../../result.js';
import { fail } from '../../result.js';
import type { EuDccTrust, VerifyContext } from '../../trust.js';
import type { SigningCertificate } from '../../x509/certificate.js';
import { maskedHolder } from '../holder.js';
import { secondsToDate, windowFailure } from '../window.js';
import { keyUsageAllows, type DccType } from './key-usage.js';
import { validate as validateHcert } from './schema/validate-hcert.generated.js';
import { euKeyIndex } from './trust-index.js';

/** Prefix of every EU Digital COVID Certificate (and of HealthCode format 1, see docs/code-format.md). */
export const EU_DCC_PREFIX = 'HC1:';

const CWT_ISS = 1;
const CWT_EXP = 4;
const CWT_IAT = 6;
const CWT_HCERT = -260;
const HCERT_V1 = 1;

const CERTIFIES: Record<DccType, Certification> = { v: 'vaccination', t: 'test', r: 'recovery' };

/** The one group (v, t or r) an HCERT holds; `undefined` when it holds none or several. */
function dccType(hcert: Record<string, unknown>): DccType | undefined {
  const types = (['v', 't', 'r'] as const).filter((t) => Array.isArray(hcert[t]) && (hcert[t] as unknown[]).length > 0);
  return types.length === 1 ? types[0] : undefined;
}

async function signatureFailure(sign1: CoseSign1, certs: readonly SigningCertificate[] | undefined, ctx: VerifyContext): Promise<{ failure?: Failure; signer?: SigningCertificate }> {
  if (!sign1.alg) return { failure: { reason: 'unsupported_algorithm', message: 'COSE alg is neither ES256 nor PS256' } };
  if (!certs) return { failure: { reason: 'unknown_key', message: 'no trusted signing certificate has this kid' } };
  for (const cert of certs) {
    if (cert.key.alg === sign1.alg && (await verifyCoseSign1({ ...sign1, alg: sign1.alg }, cert.key, ctx.crypto))) return { signer: cert };
  }
  return { failure: { reason: 'bad_signature', message: 'no certificate with this kid verifies the signature' }, signer: certs[0] };
}

/**
 * Verifies an EU Digital COVID Certificate: base45, zlib, COSE_Sign1 and CWT; then, each on its
 * own so that every failed check is reported, the signature, the signing certificate's key usage,
 * the validity window and the HCERT schema.
 */
export async function verifyEuDcc(text: string, trust: EuDccTrust | undefined, ctx: VerifyContext): Promise<FormatOutcome> {
  const compressed = base45Decode(text.slice(EU_DCC_PREFIX.length));
  if (!compressed) return fail('bad_encoding', 'not base45');
  const cose = compressed[0] === 0x78 ? unzlib(compressed) : undefined;
  if (!cose) return fail('bad_compression', 'not a zlib stream');
  const sign1 = parseCoseSign1(cose);
  const cwt = sign1 && decodeCbor(sign1.payload);
  const hcert = cborToJson(entry(entry(cwt, CWT_HCERT), HCERT_V1));
  if (!sign1 || !(cwt instanceof Map) || typeof hcert !== 'object' || hcert === null || Array.isArray(hcert)) {
    return fail('malformed', 'not a COSE_Sign1 over a CWT holding an HCERT');
  }
  if (!trust) return fail('no_trust', 'no EU DCC signing certificates were supplied');
  const certs = sign1.kid ? euKeyIndex(trust).get(toBase64url(sign1.kid)) : undefined;
  const { failure: signature, signer } = await signatureFailure(sign1, certs, ctx);
  const dcc = hcert as Record<string, unknown>;
  const type = dccType(dcc);
  const validFrom = secondsToDate(entry(cwt, CWT_IAT));
  const validUntil = secondsToDate(entry(cwt, CWT_EXP));
  const failures = [
    signature,
    signer && type && !keyUsageAllows(signer.extendedKeyUsage, type) ? { reason: 'key_usage', message: `the signing certificate may not sign type ${type}` } : undefined,
    windowFailure(validFrom, validUntil, ctx),
    type && validateHcert(dcc) ? undefined : { reason: 'schema_invalid', message: 'the HCERT does not match the DCC schema' },
  ].filter((f): f is Failure => f !== undefined);
  if (failures.length > 0) return { ok: false, failures: failures as [Failure, ...Failure[]] };
  const iss = entry(cwt, CWT_ISS);
  const nam = (dcc.nam ?? {}) as Record<string, unknown>;
  return {
    ok: true,
    code: {
      issuer: typeof iss === 'string' ? iss : '',
      validFrom,
      validUntil,
      certifies: [CERTIFIES[type!]],
      holder: maskedHolder(nam.gn ?? nam.gnt, nam.fn ?? nam.fnt),
    },
  };
}
