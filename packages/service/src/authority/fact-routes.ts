import { parseRuleSet, RuleSetError } from '@healthcode/core/assessment';
import { API_ROUTES, ApiError, batchRequestSchema, setStatusRequestSchema } from '@healthcode/core/api';
import type { ServiceContext } from '../context.js';
import { canonicalJson, created, ok, parseOrThrow, type ServiceRoute } from '../http.js';
import { newId } from '../ids.js';
import { audit, requireAuthorityOperator } from './access.js';
import { readBatch } from './batch-lines.js';
import { changedAreas } from './stays.js';
import { requireSubject } from './subjects.js';
import type { StoredBatch, StoredManualStatus } from './store.js';

const batchJson = (b: StoredBatch, duplicate: boolean) => ({
  batchId: b.batchId,
  kind: b.kind,
  lines: b.lines,
  subjects: b.subjects,
  receivedAt: new Date(b.receivedAt).toISOString(),
  duplicate,
});

const statusJson = (s: StoredManualStatus) => ({
  statusId: s.statusId,
  subjectId: s.subjectId,
  status: s.status,
  reason: s.reason,
  ...(s.until === undefined ? {} : { until: s.until }),
  setAt: new Date(s.setAt).toISOString(),
  ...(s.liftedAt === undefined ? {} : { liftedAt: new Date(s.liftedAt).toISOString() }),
});

/** Rule-set versions, batches of contacts and tests, and manual statuses: each change re-evaluates whom it concerns. */
export function factRoutes(ctx: ServiceContext): ServiceRoute[] {
  return [
    {
      method: 'POST',
      path: API_ROUTES.authorityRuleSets,
      async handle(request) {
        const actor = await requireAuthorityOperator(ctx, request);
        let ruleSet;
        try {
          ruleSet = parseRuleSet(request.body);
        } catch (error) {
          if (error instanceof RuleSetError) throw new ApiError('validation_failed', error.message, { details: { issues: error.issues } });
          throw error;
        }
        const existing = await ctx.authority.getRuleSet(ruleSet.version);
        if (existing) {
          if (canonicalJson(existing.ruleSet) !== canonicalJson(ruleSet)) throw new ApiError('conflict', `rule-set version ${ruleSet.version} exists with other content`);
          return ok({ version: existing.version, publishedAt: new Date(existing.publishedAt).toISOString(), duplicate: true });
        }
        const now = ctx.now();
        const previous = await ctx.colour.rules();
        if (!(await ctx.authority.insertRuleSet({ version: ruleSet.version, ruleSet, publishedAt: now.getTime(), publishedBy: actor.operatorId }))) {
          throw new ApiError('conflict', `rule-set version ${ruleSet.version} was published meanwhile`);
        }
        ctx.colour.rulesChanged();
        const areas = changedAreas(previous, ruleSet, now);
        const reevaluation = await ctx.colour.reevaluate(await ctx.authority.subjectsInAreas(areas));
        await audit(ctx, request, { actor, action: 'rule_set.publish', target: ruleSet.version, details: { areas: areas.length, ...reevaluation } });
        return created({ version: ruleSet.version, publishedAt: now.toISOString(), reevaluation });
      },
    },
    {
      method: 'POST',
      path: API_ROUTES.authorityBatches,
      async handle(request) {
        const actor = await requireAuthorityOperator(ctx, request);
        const { batchId, kind, lines } = parseOrThrow(batchRequestSchema, request.body, 'batch');
        const earlier = await ctx.authority.getBatch(batchId);
        if (earlier) {
          if (earlier.kind !== kind || earlier.lines !== lines.length) throw new ApiError('conflict', `batch ${batchId} was accepted with other content`);
          return ok(batchJson(earlier, true));
        }
        const now = ctx.now();
        const reading = readBatch(kind, lines, { batchId, subjectKey: ctx.keyring.subjectKey, now });
        if (!reading.ok) {
          throw new ApiError('validation_failed', `batch refused: ${reading.problems.length} bad line(s); nothing was stored`, { details: { lines: reading.problems } });
        }
        const subjects = new Set([...reading.contacts, ...reading.tests].map((f) => f.subjectId));
        const batch: StoredBatch = { batchId, kind, lines: lines.length, subjects: subjects.size, receivedAt: now.getTime(), receivedBy: actor.operatorId };
        if (!(await ctx.authority.commitBatch(batch, reading))) return ok(batchJson((await ctx.authority.getBatch(batchId)) ?? batch, true));
        const reevaluation = await ctx.colour.reevaluate(subjects);
        await audit(ctx, request, { actor, action: `batch.${kind}`, target: batchId, details: { lines: lines.length, subjects: subjects.size, ...reevaluation } });
        return created({ ...batchJson(batch, false), reevaluation });
      },
    },
    {
      method: 'POST',
      path: API_ROUTES.authorityStatuses,
      async handle(request) {
        const actor = await requireAuthorityOperator(ctx, request);
        const body = parseOrThrow(setStatusRequestSchema, request.body, 'manual status');
        const now = ctx.now();
        const status: StoredManualStatus = {
          statusId: newId('sts'),
          subjectId: requireSubject(body.identityDocument, ctx.keyring.subjectKey, now),
          status: body.status,
          reason: body.reason,
          ...(body.until === undefined ? {} : { until: body.until }),
          ...(body.note === undefined ? {} : { note: body.note }),
          setAt: now.getTime(),
          setBy: actor.operatorId,
        };
        await ctx.authority.saveManualStatus(status);
        const reevaluation = await ctx.colour.reevaluate([status.subjectId]);
        await audit(ctx, request, { actor, action: 'status.set', target: status.statusId, reason: body.note ?? body.reason, details: { status: body.status } });
        return created({ ...statusJson(status), reevaluation });
      },
    },
    {
      method: 'DELETE',
      path: API_ROUTES.authorityStatus,
      async handle(request) {
        const actor = await requireAuthorityOperator(ctx, request);
        const status = await ctx.authority.getManualStatus(request.params['statusId'] ?? '');
        if (!status) throw new ApiError('not_found', 'no such manual status');
        if (status.liftedAt !== undefined) return ok(statusJson(status));
        const lifted = { ...status, liftedAt: ctx.now().getTime(), liftedBy: actor.operatorId };
        await ctx.authority.saveManualStatus(lifted);
        const reevaluation = await ctx.colour.reevaluate([status.subjectId]);
        await audit(ctx, request, { actor, action: 'status.lift', target: status.statusId });
        return ok({ ...statusJson(lifted), reevaluation });
      },
    },
  ];
}
