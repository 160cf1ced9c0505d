import { describe, expect, it } from 'vitest';
import {
  API_ROUTES,
  apiPath,
  appealSchema,
  auditEntrySchema,
  batchErrorDetailsSchema,
  batchResponseSchema,
  codeResponseSchema,
  createOperatorResponseSchema,
  createSessionResponseSchema,
  manualStatusSchema,
  pageSchema,
  publishRuleSetResponseSchema,
  submitDeclarationResponseSchema,
  trustListResponseSchema,
} from '@healthcode/core/api';
import { DEFAULT_RULE_SET } from '@healthcode/core/assessment';
import { checkAdmission, parseCheckpointPolicy } from '@healthcode/core/checkpoint';
import { addDays, cityDate } from '@healthcode/core/declaration';
import { parsePublicJwk, verifyTrustList } from '@healthcode/core';
import { expectError, expectShape } from './expect.js';
import { greenAnswers, residentId } from './fixtures.js';
import type { caller, ContractClock, ServiceUnderTest } from './harness.js';

/** What the authority suite needs of the running contract suite, read once its service is up. */
export interface AuthoritySuiteContext {
  service: ServiceUnderTest;
  call: ReturnType<typeof caller>;
  clock: ContractClock;
}

/** Resident numbers 900-999 are this suite's, so its facts concern nobody else's tests. */
const PERSON = { traveller: 901, tested: 902, untested: 903, contact: 904, manual: 905, rejected: 906 } as const;
const document = (n: number) => ({ type: 'resident_id_card', number: residentId(n) });

/**
 * The health authority's routes (operators, audit, rule sets, batches, manual statuses,
 * appeals) and the colour that follows them, on one implementation. Registered by
 * `testServiceContract`; tests run in order and share one operator.
 */
export function testAuthorityContract(get: () => AuthoritySuiteContext): void {
  describe('health authority', () => {
    let operator: { operatorId: string; token: string };
    const ctx = () => get();
    const today = () => cityDate(ctx().clock.now());

    async function holder(person: number, answers: Record<string, unknown> = greenAnswers(person)) {
      const session = await ctx().call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: `dev:authority-${person}` } });
      const { sessionToken } = expectShape(createSessionResponseSchema, session, 201);
      const declared = await ctx().call('POST', API_ROUTES.declarations, { token: sessionToken, body: { formVersion: '1.1', answers } });
      return { token: sessionToken, code: expectShape(submitDeclarationResponseSchema, declared, 201).code };
    }
    const codeOf = async (token: string) => expectShape(codeResponseSchema, await ctx().call('GET', API_ROUTES.code, { token }), 200);
    const asOperator = (body?: unknown) => ({ token: operator.token, body });
    async function syncedTrust() {
      const { signed } = expectShape(trustListResponseSchema, await ctx().call('GET', API_ROUTES.trustList), 200);
      return verifyTrustList(signed, parsePublicJwk(ctx().service.rootPublicKey), { now: ctx().clock.now() });
    }
    const batch = (body: unknown) => ctx().call('POST', API_ROUTES.authorityBatches, asOperator(body));

    it('lets the administrator create named operators, shows each token once, and revokes them', async () => {
      const { call, service } = ctx();
      expectError(await call('POST', API_ROUTES.operators, { body: { name: 'Nobody' } }), 'unauthorized', 401);
      operator = expectShape(
        createOperatorResponseSchema,
        await call('POST', API_ROUTES.operators, { token: service.operatorToken, body: { name: '王医生' } }),
        201,
      );
      const other = expectShape(
        createOperatorResponseSchema,
        await call('POST', API_ROUTES.operators, { token: service.operatorToken, body: { name: 'Temp' } }),
        201,
      );
      expect(other.token).not.toBe(operator.token);
      expectError(await call('POST', API_ROUTES.operators, { token: operator.token, body: { name: 'Self-made' } }), 'forbidden', 403);
      expectError(await call('GET', API_ROUTES.authorityAudit, { token: service.operatorToken }), 'forbidden', 403);
      expect((await call('GET', API_ROUTES.authorityAudit, { token: other.token })).status).toBe(200);
      expect(
        (await call('DELETE', apiPath(API_ROUTES.operator, { operatorId: other.operatorId }), { token: service.operatorToken })).status,
      ).toBe(200);
      expectError(await call('GET', API_ROUTES.authorityAudit, { token: other.token }), 'unauthorized', 401);
      expectError(
        await call('DELETE', apiPath(API_ROUTES.operator, { operatorId: other.operatorId }), { token: service.operatorToken }),
        'not_found',
        404,
      );
    });

    it('keeps rule-set versions: 422 for an invalid one, 201 with its version, 409 for the same version with other content', async () => {
      const { call } = ctx();
      const invalid = expectError(
        await call('POST', API_ROUTES.authorityRuleSets, asOperator({ ...DEFAULT_RULE_SET, windowDays: 0 })),
        'validation_failed',
        422,
      );
      expect(JSON.stringify(invalid.details)).toContain('windowDays');
      const v1 = { ...DEFAULT_RULE_SET, version: 'contract-1' };
      expect(expectShape(publishRuleSetResponseSchema, await call('POST', API_ROUTES.authorityRuleSets, asOperator(v1)), 201).version).toBe(
        'contract-1',
      );
      expect((await call('POST', API_ROUTES.authorityRuleSets, asOperator(v1))).status).toBe(200);
      expectError(await call('POST', API_ROUTES.authorityRuleSets, asOperator({ ...v1, windowDays: 10 })), 'conflict', 409);
    });

    it('turns a green holder red when its district is published high-risk, with reason and clearing condition, and a synced checkpoint refuses the old code', async () => {
      const { call } = ctx();
      const stayed = { from: addDays(today(), -3), to: addDays(today(), -2) };
      const { token, code: green } = await holder(PERSON.traveller, {
        ...greenAnswers(PERSON.traveller),
        travel: { places: [{ region: '310104', ...stayed }] },
      });
      expect(green.status).toBe('green');
      expect(green.reasons).toEqual([]);

      const highRisk = {
        ...DEFAULT_RULE_SET,
        version: 'contract-2',
        riskAreas: [{ region: '310104', level: 'high', validFrom: stayed.from, validUntil: today(), name: 'Xuhui' }],
      };
      const published = expectShape(
        publishRuleSetResponseSchema,
        await call('POST', API_ROUTES.authorityRuleSets, asOperator(highRisk)),
        201,
      );
      expect(published.reevaluation).toMatchObject({ evaluated: 1, worsened: 1 });
      expect(published.reevaluation.revokedCodes).toBeGreaterThanOrEqual(1);

      const red = await codeOf(token);
      expect(red.status).toBe('red');
      expect(red.codeId).not.toBe(green.codeId);
      const [reason] = red.reasons ?? [];
      expect(reason).toMatchObject({ code: 'travel_high_risk', since: cityDate(ctx().clock.now()) });
      expect(reason?.clears.en).toMatch(/^Green on \d{4}-\d{2}-\d{2} if you declare every day\.$/);
      expect(reason?.clears['zh-CN']).toContain('申报');
      expect(reason?.clears['zh-HK']).toContain('申報');
      expect(JSON.stringify(red.reasons)).not.toContain(residentId(PERSON.traveller));

      const trust = await syncedTrust();
      const policy = parseCheckpointPolicy('green_or_yellow');
      expect(await checkAdmission(green.qrText, policy, { trust, now: ctx().clock.now() })).toMatchObject({
        decision: 'refuse',
        reason: 'revoked',
      });
      expect(await checkAdmission(red.qrText, policy, { trust, now: ctx().clock.now() })).toMatchObject({
        decision: 'refuse',
        reason: 'status_not_admitted',
      });
    });

    it('refuses a bad batch whole, listing every bad line, and changes nothing', async () => {
      const { token, code } = await holder(PERSON.contact);
      const lines = [
        { identityDocument: document(PERSON.contact), caseType: 'confirmed', lastContactDate: today(), source: 'cdc-flow' },
        {
          identityDocument: { type: 'resident_id_card', number: '110101199003070000' },
          caseType: 'confirmed',
          lastContactDate: today(),
          source: 'cdc-flow',
        },
        { caseType: 'confirmed', lastContactDate: today(), source: 'cdc-flow' },
        { subjectId: 'abcdefgh12', caseType: 'close', lastContactDate: today(), source: 'cdc-flow' },
        { subjectId: 'abcdefgh12', caseType: 'suspected', lastContactDate: addDays(today(), 1), source: 'cdc-flow' },
      ];
      const refused = expectError(await batch({ batchId: 'contacts-bad', kind: 'contacts', lines }), 'validation_failed', 422);
      const details = batchErrorDetailsSchema.parse(refused.details);
      expect(details.lines.map((l) => [l.line, l.code])).toEqual([
        [2, 'invalid_document'],
        [3, 'no_person'],
        [4, 'invalid_line'],
        [5, 'in_the_future'],
      ]);
      expect(JSON.stringify(refused)).not.toContain('110101199003070000');
      expect((await codeOf(token)).codeId).toBe(code.codeId);

      // Nothing was kept under the refused batch id: it may carry the corrected batch.
      const accepted = expectShape(
        batchResponseSchema,
        await batch({ batchId: 'contacts-bad', kind: 'contacts', lines: lines.slice(0, 1) }),
        201,
      );
      expect(accepted).toMatchObject({ lines: 1, subjects: 1, duplicate: false });
      const red = await codeOf(token);
      expect(red.status).toBe('red');
      expect(red.reasons?.[0]).toMatchObject({ code: 'contact_confirmed', since: today() });
      expect(red.reasons?.[0]?.clears.en).toBe(`Clears on ${addDays(today(), 14)}, at the end of the quarantine.`);

      const again = expectShape(
        batchResponseSchema,
        await batch({ batchId: 'contacts-bad', kind: 'contacts', lines: lines.slice(0, 1) }),
        200,
      );
      expect(again.duplicate).toBe(true);
      expect((await codeOf(token)).codeId).toBe(red.codeId);
      expectError(await batch({ batchId: 'contacts-bad', kind: 'tests', lines: [{}] }), 'conflict', 409);
    });

    it('carries an imported negative test on the code, which satisfies a green+test:48h venue', async () => {
      const tested = await holder(PERSON.tested);
      const untested = await holder(PERSON.untested);
      const sampledAt = new Date(ctx().clock.now().getTime() - 6 * 3_600_000).toISOString();
      const line = { identityDocument: document(PERSON.tested), sampledAt, result: 'negative', labId: 'lab-7' };
      expectShape(batchResponseSchema, await batch({ batchId: 'tests-1', kind: 'tests', lines: [line] }), 201);
      const code = await codeOf(tested.token);
      expect(code).toMatchObject({ status: 'green', negativeTestAt: sampledAt });
      expect(code.codeId).not.toBe(tested.code.codeId);

      const trust = await syncedTrust();
      const venue = parseCheckpointPolicy('green+test:48h');
      const now = ctx().clock.now();
      const admitted = await checkAdmission(code.qrText, venue, { trust, now });
      expect(admitted).toMatchObject({ decision: 'admit', reason: 'admitted' });
      expect(await checkAdmission(untested.code.qrText, venue, { trust, now })).toMatchObject({
        decision: 'refuse',
        reason: 'negative_test_missing',
      });
      expect(await checkAdmission(code.qrText, parseCheckpointPolicy('green+test:4h'), { trust, now })).toMatchObject({
        decision: 'refuse',
        reason: 'negative_test_too_old',
      });
    });

    it('sets a manual status by identity document and lifts it', async () => {
      const { call } = ctx();
      const { token } = await holder(PERSON.manual);
      const body = {
        identityDocument: document(PERSON.manual),
        status: 'yellow',
        reason: 'venue_exposure_followup',
        note: 'call back Monday',
      };
      expectError(
        await call(
          'POST',
          API_ROUTES.authorityStatuses,
          asOperator({ ...body, identityDocument: { type: 'resident_id_card', number: '123' } }),
        ),
        'validation_failed',
        422,
      );
      const set = expectShape(manualStatusSchema, await call('POST', API_ROUTES.authorityStatuses, asOperator(body)), 201);
      const yellow = await codeOf(token);
      expect(yellow.status).toBe('yellow');
      expect(yellow.reasons?.[0]).toMatchObject({ code: 'manual', clears: { en: 'Until an operator lifts it.' } });
      const lifted = expectShape(
        manualStatusSchema,
        await call('DELETE', apiPath(API_ROUTES.authorityStatus, { statusId: set.statusId }), asOperator()),
        200,
      );
      expect(lifted.liftedAt).toBeDefined();
      expect((await codeOf(token)).status).toBe('green');
      expectError(await call('DELETE', apiPath(API_ROUTES.authorityStatus, { statusId: 'sts_nope' }), asOperator()), 'not_found', 404);
    });

    it('takes an appeal from the holder, queues it oldest first with its age, and an accepted one changes the colour', async () => {
      const { call, clock } = ctx();
      const { token } = await holder(PERSON.traveller);
      expect((await codeOf(token)).status).toBe('red');
      expectError(
        await call('POST', API_ROUTES.appeals, { token, body: { category: 'wrong_travel', text: 'x'.repeat(1001) } }),
        'bad_request',
        400,
      );
      const filed = expectShape(
        appealSchema,
        await call('POST', API_ROUTES.appeals, { token, body: { category: 'wrong_travel', text: 'I was not in Xuhui' } }),
        201,
      );
      expect(filed).toMatchObject({ state: 'pending', status: 'red' });
      clock.advance(1);
      const rejectedHolder = await holder(PERSON.contact);
      const second = expectShape(
        appealSchema,
        await call('POST', API_ROUTES.appeals, { token: rejectedHolder.token, body: { category: 'other', text: 'mistake' } }),
        201,
      );

      clock.advance(3600);
      const queue = expectShape(pageSchema(appealSchema), await call('GET', `${API_ROUTES.authorityAppeals}?limit=1`, asOperator()), 200);
      expect(queue.items.map((a) => a.appealId)).toEqual([filed.appealId]);
      expect(queue.items[0]?.ageSeconds).toBe(3601);
      const next = expectShape(
        pageSchema(appealSchema),
        await call('GET', `${API_ROUTES.authorityAppeals}?limit=1&cursor=${queue.nextCursor}`, asOperator()),
        200,
      );
      expect(next.items.map((a) => a.appealId)).toEqual([second.appealId]);

      const decide = (appealId: string, body: unknown) => call('POST', apiPath(API_ROUTES.authorityAppeal, { appealId }), asOperator(body));
      const accepted = expectShape(
        appealSchema,
        await decide(filed.appealId, { decision: 'accept', correction: { status: 'green' }, note: 'travel record was wrong' }),
        200,
      );
      expect(accepted).toMatchObject({ state: 'accepted', ageSeconds: 3601 });
      expect((await codeOf(token)).status).toBe('green');
      expectError(await decide(filed.appealId, { decision: 'reject', note: 'again' }), 'conflict', 409);
      expect(
        expectShape(appealSchema, await decide(second.appealId, { decision: 'reject', note: 'the contact is confirmed' }), 200).state,
      ).toBe('rejected');

      const mine = expectShape(pageSchema(appealSchema), await call('GET', API_ROUTES.appeals, { token }), 200);
      expect(mine.items[0]).toMatchObject({ appealId: filed.appealId, state: 'accepted', note: 'travel record was wrong' });
      expectError(await call('POST', API_ROUTES.appeals, { token, body: { category: 'other', text: 'still?' } }), 'conflict', 409);
    });

    it('records every authority action in the append-only audit log: who, when, what, why', async () => {
      const { call } = ctx();
      const first = expectShape(pageSchema(auditEntrySchema), await call('GET', `${API_ROUTES.authorityAudit}?limit=2`, asOperator()), 200);
      expect(first.items).toHaveLength(2);
      const rest = expectShape(
        pageSchema(auditEntrySchema),
        await call('GET', `${API_ROUTES.authorityAudit}?limit=200&cursor=${first.nextCursor}`, asOperator()),
        200,
      );
      const log = [...first.items, ...rest.items];
      expect(log.map((e) => e.seq)).toEqual([...log.map((e) => e.seq)].sort((a, b) => a - b));
      const actions = log.map((e) => e.action);
      for (const action of [
        'operator.create',
        'operator.revoke',
        'rule_set.publish',
        'batch.contacts',
        'batch.tests',
        'status.set',
        'status.lift',
        'appeal.accept',
        'appeal.reject',
      ]) {
        expect(actions).toContain(action);
      }
      expect(log.find((e) => e.action === 'rule_set.publish')).toMatchObject({
        actor: { operatorId: operator.operatorId, name: '王医生' },
        target: 'contract-1',
      });
      expect(log.find((e) => e.action === 'status.set')?.reason).toBe('call back Monday');
      expect(JSON.stringify(log)).not.toContain(residentId(PERSON.manual));
    });
  });
}
