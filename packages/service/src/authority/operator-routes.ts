import { API_ROUTES, ApiError, auditEntrySchema, createOperatorRequestSchema, type CreateOperatorResponse } from '@healthcode/core/api';
import type { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { created, ok, parseOrThrow, type ServiceRoute } from '../http.js';
import { newId, newToken } from '../ids.js';
import { audit, pageLimit, readPage, requireAdministrator, requireAuthorityOperator } from './access.js';
import type { AuditEntry } from './store.js';

const auditJson = (e: AuditEntry): z.infer<typeof auditEntrySchema> => ({ ...e, at: new Date(e.at).toISOString() });

/** Operators (`POST /v1/operators`, `DELETE /v1/operators/:operatorId`) and the audit log (`GET /v1/authority/audit`). */
export function operatorRoutes(ctx: ServiceContext): ServiceRoute[] {
  return [
    {
      method: 'POST',
      path: API_ROUTES.operators,
      async handle(request) {
        const actor = requireAdministrator(ctx, request);
        const { name } = parseOrThrow(createOperatorRequestSchema, request.body, 'operator');
        const now = ctx.now();
        const operator = { operatorId: newId('opr'), name, createdAt: now.getTime() };
        const token = newToken();
        await ctx.authority.saveOperator(operator, token);
        await audit(ctx, request, { actor, action: 'operator.create', target: operator.operatorId, details: { name } });
        const response: CreateOperatorResponse = { operatorId: operator.operatorId, name, token, createdAt: now.toISOString() };
        return created(response);
      },
    },
    {
      method: 'DELETE',
      path: API_ROUTES.operator,
      async handle(request) {
        const actor = requireAdministrator(ctx, request);
        const operatorId = request.params['operatorId'] ?? '';
        const now = ctx.now();
        if (!(await ctx.authority.revokeOperator(operatorId, now.getTime()))) throw new ApiError('not_found', 'no such operator, or already revoked');
        await audit(ctx, request, { actor, action: 'operator.revoke', target: operatorId });
        return ok({ operatorId, revokedAt: now.toISOString() });
      },
    },
    {
      method: 'GET',
      path: API_ROUTES.authorityAudit,
      async handle(request) {
        await requireAuthorityOperator(ctx, request);
        const cursor = request.query['cursor'];
        const after = cursor === undefined ? 0 : Number(cursor);
        if (!Number.isInteger(after) || after < 0) throw new ApiError('bad_request', 'cursor is not one this list gave');
        const page = await readPage(pageLimit(request), (n) => ctx.authority.listAudit(after, n), (e) => String(e.seq), auditJson);
        return ok(page);
      },
    },
  ];
}
