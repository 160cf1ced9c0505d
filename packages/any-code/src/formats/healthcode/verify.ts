import { LEGACY_QR_PREFIX, QR_PREFIX } from '@healthcode/core/code';
import { verifyCode, type TrustList } from '@healthcode/core';
import { fail, type FormatOutcome } from '../../result.js';
import type { VerifyContext } from '../../trust.js';

/**
 * Whether the text is a HealthCode: the current prefix, or the deprecated `HC1:` followed by digits
 * only, which no EU DCC is (their base45 body always holds letters, starting with zlib's `NCF`).
 */
export const isHealthCode = (text: string): boolean =>
  text.startsWith(QR_PREFIX) || (text.startsWith(LEGACY_QR_PREFIX) && /^\d+$/.test(text.slice(LEGACY_QR_PREFIX.length)));

/** Verifies a HealthCode with the core verifier, against a verified HealthCode trust list. */
export async function verifyHealthCode(text: string, trust: TrustList | undefined, ctx: VerifyContext): Promise<FormatOutcome> {
  if (!trust) return fail('no_trust', 'no HealthCode trust list was supplied');
  const result = await verifyCode(text, { trust, now: ctx.now, clockSkew: ctx.clockSkew, crypto: ctx.crypto });
  if (!result.valid) return fail(result.reason, result.message);
  return {
    ok: true,
    code: {
      issuer: result.issuer.id,
      validFrom: result.issuedAt,
      validUntil: result.expiresAt,
      certifies: ['health-status'],
      holder: result.display.name,
      status: result.status,
    },
  };
}
