import { API_ROUTES, ApiError, decideAppealRequestSchema, fileAppealRequestSchema, type AppealJson } from '@healthcode/core/api';
import { authenticate, type ServiceContext } from '../context.js';
import { created, ok, parseOrThrow, type ServiceRoute } from '../http.js';
import { newId } from '../ids.js';
import { audit, pageLimit, readPage, requireAuthorityOperator } from './access.js';
import type { StoredAppeal, StoredManualStatus } from './store.js';

function appealJson(a: StoredAppeal, now?: number): AppealJson {
  const age = now === undefined ? undefined : Math.max(0, Math.floor(((a.decidedAt ?? now) - a.filedAt) / 1000));
  return {
    appealId: a.appealId,
    category: a.category as AppealJson['category'],
    text: a.text,
    status: a.status,
    state: a.state,
    filedAt: new Date(a.filedAt).toISOString(),
    ...(a.decidedAt === undefined ? {} : { decidedAt: new Date(a.decidedAt).toISOString() }),
    ...(a.note === undefined ? {} : { note: a.note }),
    ...(age === undefined ? {} : { ageSeconds: age }),
  };
}

/** The cursor after (or before) an appeal in a list: its filing time and id. */
const appealCursor = (a: StoredAppeal) => `${a.filedAt}.${a.appealId}`;

function readCursor(cursor: string | undefined): [number, string] | undefined {
  if (cursor === undefined) return undefined;
  const m = /^(\d{1,15})\.([A-Za-z0-9_]{1,64})$/.exec(cursor);
  if (!m) throw new ApiError('bad_request', 'cursor is not one this list gave');
  return [Number(m[1]), m[2]!];
}

/** Appeals: the holder files and follows them; an operator works the queue, oldest first. */
export function appealRoutes(ctx: ServiceContext): ServiceRoute[] {
  return [
    {
      method: 'POST',
      path: API_ROUTES.appeals,
      async handle(request) {
        const user = await authenticate(ctx, request);
        const { category, text } = parseOrThrow(fileAppealRequestSchema, request.body, 'appeal');
        if (user.subjectId === undefined) throw new ApiError('not_found', 'no code yet: submit a declaration first');
        const { status } = await ctx.colour.current(user.subjectId);
        if (status === 'green') throw new ApiError('conflict', 'the code is green: there is nothing to appeal');
        const appeal: StoredAppeal = { appealId: newId('apl'), userId: user.userId, subjectId: user.subjectId, category, text, status, filedAt: ctx.now().getTime(), state: 'pending' };
        await ctx.authority.saveAppeal(appeal);
        return created(appealJson(appeal));
      },
    },
    {
      method: 'GET',
      path: API_ROUTES.appeals,
      async handle(request) {
        const user = await authenticate(ctx, request);
        const before = readCursor(request.query['cursor']);
        const page = await readPage(pageLimit(request), (n) => ctx.authority.listAppeals(user.userId, before, n), appealCursor, (a) => appealJson(a));
        return ok(page);
      },
    },
    {
      method: 'GET',
      path: API_ROUTES.authorityAppeals,
      async handle(request) {
        await requireAuthorityOperator(ctx, request);
        const after = readCursor(request.query['cursor']);
        const now = ctx.now().getTime();
        const page = await readPage(
          pageLimit(request),
          (n) => ctx.authority.listPendingAppeals(after, n),
          appealCursor,
          (a) => ({ ...appealJson(a, now), subjectId: a.subjectId }),
        );
        return ok(page);
      },
    },
    {
      method: 'POST',
      path: API_ROUTES.authorityAppeal,
      async handle(request) {
        const actor = await requireAuthorityOperator(ctx, request);
        const decision = parseOrThrow(decideAppealRequestSchema, request.body, 'decision');
        const appeal = await ctx.authority.getAppeal(request.params['appealId'] ?? '');
        if (!appeal) throw new ApiError('not_found', 'no such appeal');
        if (appeal.state !== 'pending') throw new ApiError('conflict', `the appeal was already ${appeal.state}`);
        const now = ctx.now().getTime();
        let decided: StoredAppeal = { ...appeal, decidedAt: now, decidedBy: actor.operatorId, ...(decision.note === undefined ? {} : { note: decision.note }), state: 'rejected' };
        let reevaluation;
        if (decision.decision === 'accept') {
          const status: StoredManualStatus = {
            statusId: newId('sts'),
            subjectId: appeal.subjectId,
            status: decision.correction.status,
            reason: `appeal:${appeal.category}`,
            ...(decision.correction.until === undefined ? {} : { until: decision.correction.until }),
            setAt: now,
            setBy: actor.operatorId,
            appealId: appeal.appealId,
          };
          await ctx.authority.saveManualStatus(status);
          decided = { ...decided, state: 'accepted', statusId: status.statusId };
          await ctx.authority.saveAppeal(decided);
          reevaluation = await ctx.colour.reevaluate([appeal.subjectId]);
        } else {
          await ctx.authority.saveAppeal(decided);
        }
        await audit(ctx, request, { actor, action: `appeal.${decided.state === 'accepted' ? 'accept' : 'reject'}`, target: appeal.appealId, reason: decision.note, details: { ageSeconds: Math.floor((now - appeal.filedAt) / 1000) } });
        return ok({ ...appealJson(decided, now), ...(reevaluation ? { reevaluation } : {}) });
      },
    },
  ];
}
