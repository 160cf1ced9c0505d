import * as z from 'zod';
import type { HealthStatus } from '../status.js';
import { CODE_TYP, DEFAULT_CODE_TTL_SECONDS, MAX_CODE_TTL_SECONDS, STATUS_LETTERS, type CodeDisplay } from './claims.js';
import { codeIdSchema, documentTailSchema, issuerIdSchema, maskedNameSchema, regionSchema, subjectSchema } from './claim-schemas.js';
import { defaultCryptoProvider } from './crypto/default-provider.js';
import type { CryptoProvider } from './crypto/provider.js';
import { CodeInputError } from './errors.js';
import { base64urlEncode } from './jws/base64url.js';
import { signCompactJws } from './jws/compact.js';
import { parsePrivateJwk, type PrivateJwk } from './keys.js';
import { wrapJws } from './qr/qr-text.js';

/** What a code says about its holder. */
export interface IssueCodeInput {
  /** Issuer id as listed in the trust list. */
  issuer: string;
  /** Pseudonymous subject id (e.g. from `deriveSubjectId`), never a name or ID number. */
  subject: string;
  status: HealthStatus;
  /** GB/T 2260 code of the region the code is for, e.g. `310000`; the issuer must hold it. */
  region: string;
  /** Already-masked display data. */
  display: CodeDisplay;
  /** Id for revocation; 12 random base64url characters when omitted. */
  codeId?: string;
  /** Issue time; now when omitted. */
  issuedAt?: Date;
  /** Lifetime in seconds, 1 to {@link MAX_CODE_TTL_SECONDS}; {@link DEFAULT_CODE_TTL_SECONDS} when omitted. */
  ttlSeconds?: number;
  /** When the holder's last negative test was sampled (claim `nt`); not after the issue time. */
  negativeTestAt?: Date;
}

const inputSchema = z.object({
  issuer: issuerIdSchema,
  subject: subjectSchema,
  status: z.enum(['green', 'yellow', 'red']),
  region: regionSchema,
  display: z.object({ name: maskedNameSchema, documentTail: documentTailSchema.optional() }),
  codeId: codeIdSchema.optional(),
  issuedAt: z.date().refine((d) => !Number.isNaN(d.getTime()), 'issuedAt must be a valid date').optional(),
  ttlSeconds: z.number().int().min(1).max(MAX_CODE_TTL_SECONDS).optional(),
  negativeTestAt: z.date().refine((d) => !Number.isNaN(d.getTime()), 'negativeTestAt must be a valid date').optional(),
});

/**
 * Issues a signed health code and returns its QR text (`HCODE2:…`).
 *
 * @param opts.key - the issuer's private JWK (its `kid` and `alg` go in the header)
 * @throws {@link CodeInputError} for invalid input or key; {@link CryptoError} if signing fails
 */
export async function issueCode(input: IssueCodeInput, opts: { key: PrivateJwk; crypto?: CryptoProvider }): Promise<string> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CodeInputError('code/invalid_input', `${issue?.path.join('.') ?? 'input'}: ${issue?.message ?? 'invalid'}`);
  }
  const key = parsePrivateJwk(opts?.key);
  const crypto = opts?.crypto ?? defaultCryptoProvider();
  const { issuer, subject, status, region, display, codeId, issuedAt, ttlSeconds, negativeTestAt } = parsed.data;
  const iat = Math.floor((issuedAt ?? new Date()).getTime() / 1000);
  const nt = negativeTestAt === undefined ? undefined : Math.floor(negativeTestAt.getTime() / 1000);
  if (nt !== undefined && (nt < 0 || nt > iat)) throw new CodeInputError('code/invalid_input', 'negativeTestAt: must not be after the issue time');
  const payload = {
    iss: issuer,
    sub: subject,
    st: STATUS_LETTERS[status],
    iat,
    exp: iat + (ttlSeconds ?? DEFAULT_CODE_TTL_SECONDS),
    nm: display.name,
    ...(display.documentTail === undefined ? {} : { dt: display.documentTail }),
    rg: region,
    jti: codeId ?? base64urlEncode(crypto.randomBytes(9)),
    ...(nt === undefined ? {} : { nt }),
  };
  return wrapJws(await signCompactJws(CODE_TYP, payload, key, crypto));
}
