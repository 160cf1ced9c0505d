import { verifyCode, type VerifyResult } from '@healthcode/core/code';
import { ApiError } from '@healthcode/core/api';
import { API_ROUTES } from '@healthcode/core/api';
import { checkinRequestSchema, type CheckinResponse, type TrustListResponse, type VerifyResultJson } from '@healthcode/core/api';
import { authenticate, requireVenueScanner, type ServiceContext } from '../context.js';
import { created, ok, parseOrThrow, type ServiceRoute } from '../http.js';
import { runIdempotent } from '../idempotency.js';
import { newId } from '../ids.js';
import type { StoredCheckin } from '../store/store.js';
import { codeWithReasons } from '../authority/code-reasons.js';

/** A `VerifyResult` with its dates as ISO strings. */
export function verifyResultToJson(result: VerifyResult): VerifyResultJson {
  if (!result.valid) return { valid: false, reason: result.reason, message: result.message };
  const { negativeTestAt, ...rest } = result;
  return {
    ...rest,
    issuedAt: result.issuedAt.toISOString(),
    expiresAt: result.expiresAt.toISOString(),
    ...(negativeTestAt ? { negativeTestAt: negativeTestAt.toISOString() } : {}),
  };
}

/** The current code (`GET /v1/code`), the trust list, and check-ins at venues. */
export function codeRoutes(ctx: ServiceContext): ServiceRoute[] {
  return [
    {
      method: 'GET',
      path: API_ROUTES.code,
      async handle(request) {
        const user = await authenticate(ctx, request);
        const code = await ctx.codes.current(user.userId);
        if (!code) throw new ApiError('not_found', 'no code yet: submit a declaration first');
        return ok(await codeWithReasons(ctx, code));
      },
    },
    {
      method: 'GET',
      path: API_ROUTES.trustList,
      async handle() {
        const { signed } = await ctx.keyring.current();
        const response: TrustListResponse = { signed };
        return ok(response);
      },
    },
    {
      method: 'POST',
      path: API_ROUTES.checkins,
      async handle(request) {
        // The scanner credential alone authorises: a checkpoint device need not be signed in as anyone.
        const { venueId, qrText, scannerToken } = parseOrThrow(checkinRequestSchema, request.body, 'check-in');
        const venue = await requireVenueScanner(ctx, venueId, scannerToken);
        const scanner = `venue/${venue.venueId}`;
        // Keys are scoped per venue; the credential stays out of the fingerprint, which is stored in the clear.
        const fingerprinted = { ...request, body: { venueId, qrText } };
        return runIdempotent(ctx, fingerprinted, scanner, API_ROUTES.checkins, async (record) => {
          const now = ctx.now();
          const { trust } = await ctx.keyring.current();
          const result = await verifyCode(qrText, { trust, now, crypto: ctx.crypto });
          const checkin: StoredCheckin = {
            checkinId: newId('chk', ctx.crypto),
            venueId,
            orgId: venue.orgId,
            scannedBy: scanner,
            valid: result.valid,
            checkedInAt: now.getTime(),
            ...(result.valid ? { subjectId: result.subject, status: result.status } : { reason: result.reason }),
          };
          const response: CheckinResponse = {
            checkinId: checkin.checkinId,
            venueId,
            checkedInAt: now.toISOString(),
            result: verifyResultToJson(result),
          };
          const answer = created(response);
          await ctx.store.commitCheckin({ checkin, idempotency: record(answer) });
          return answer;
        });
      },
    },
  ];
}
