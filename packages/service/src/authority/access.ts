import { ApiError } from '@healthcode/core/api';
import type { ServiceContext } from '../context.js';
import { bearerToken, sameSecret, type ServiceRequest } from '../http.js';
import type { AuditActor, AuditEntry, Page } from './store.js';

/** Header by which an operator may say why, for actions whose body has no note (publishing, importing). */
export const AUDIT_REASON_HEADER = 'x-audit-reason';

/** The administrator, as the audit log names it: the holder of the service's operator token. */
export const ADMINISTRATOR: AuditActor = { operatorId: 'administrator', name: 'administrator' };

/** Passes only the administrator (the service's operator token), who creates and revokes operators. */
export function requireAdministrator(ctx: ServiceContext, request: ServiceRequest): AuditActor {
  if (!sameSecret(bearerToken(request), ctx.operatorToken)) throw new ApiError('forbidden', 'administrator token required');
  return ADMINISTRATOR;
}

/**
 * The named operator of a request. Authority actions need one, so the audit log says who
 * acted; the administrator token is refused here (it only manages operators).
 */
export async function requireAuthorityOperator(ctx: ServiceContext, request: ServiceRequest): Promise<AuditActor> {
  const token = bearerToken(request);
  if (sameSecret(token, ctx.operatorToken)) throw new ApiError('forbidden', 'authority actions need a named operator token (POST /v1/operators)');
  const operator = await ctx.authority.findOperatorByToken(token);
  if (!operator || operator.revokedAt !== undefined) throw new ApiError('unauthorized', 'operator token unknown or revoked');
  return { operatorId: operator.operatorId, name: operator.name };
}

/** Appends an authority action to the audit log; the reason is the note given, else the `X-Audit-Reason` header. */
export function audit(
  ctx: ServiceContext,
  request: ServiceRequest,
  entry: Pick<AuditEntry, 'actor' | 'action' | 'target'> & { reason?: string | undefined; details?: Record<string, unknown> },
): Promise<AuditEntry> {
  const reason = entry.reason ?? request.headers[AUDIT_REASON_HEADER]?.slice(0, 500);
  return ctx.authority.appendAudit({
    at: ctx.now().getTime(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    ...(reason ? { reason } : {}),
    ...(entry.details ? { details: entry.details } : {}),
  });
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

/** `?limit=` of a list route: 1 to 200, default 50. */
export function pageLimit(request: ServiceRequest): number {
  const raw = request.query['limit'];
  if (raw === undefined) return DEFAULT_PAGE;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new ApiError('bad_request', `limit must be an integer from 1 to ${MAX_PAGE}`);
  return limit;
}

/**
 * Reads one page of a keyset-paginated list: asks for one item more than the limit, so
 * the last page is known without another round trip.
 */
export async function readPage<T, J>(limit: number, fetch: (n: number) => Promise<T[]>, cursorOf: (item: T) => string, toJson: (item: T) => J): Promise<Page<J>> {
  const rows = await fetch(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(toJson), ...(rows.length > limit && last !== undefined ? { nextCursor: cursorOf(last) } : {}) };
}
