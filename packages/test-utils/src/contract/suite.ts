import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addVenueResponseSchema,
  API_ROUTES,
  apiErrorBodySchema,
  apiPath,
  checkinResponseSchema,
  codeResponseSchema,
  createOrgResponseSchema,
  createSessionResponseSchema,
  dashboardResponseSchema,
  employeeSchema,
  formResponseSchema,
  listReviewsResponseSchema,
  sessionInfoSchema,
  submitDeclarationResponseSchema,
  trustListResponseSchema,
  validationFailedDetailsSchema,
} from '@healthcode/core/api';
import { IDEMPOTENCY_IN_PROGRESS } from '@healthcode/service';
import { parsePublicJwk, verifyCode, verifyTrustList } from '@healthcode/core';
import { greenAnswers, residentId, unwellAnswers } from './fixtures.js';
import { caller, manualClock, type JsonAnswer, type ServiceContractOptions, type ServiceUnderTest } from './harness.js';
import { testAuthorityContract } from './authority-suite.js';
import { expectError, expectShape, type Schema } from './expect.js';

/** 10:00 in Shanghai: mid-morning, far from the day's edges. */
const START = new Date('2026-11-27T02:00:00.000Z');

/**
 * Checks the answers to concurrent duplicates (same `Idempotency-Key`, same body):
 * each is the one `201` result, or `unavailable` because the first was still running.
 * Returns that result.
 */
function expectOneResult<T>(schema: Schema<T>, answers: JsonAnswer[]): T {
  const results: T[] = [];
  for (const answer of answers) {
    if (answer.status === 503) {
      expectError(answer, 'unavailable', 503);
      expect(answer.body.error.details.reason).toBe(IDEMPOTENCY_IN_PROGRESS);
    } else {
      results.push(expectShape(schema, answer, 201));
    }
  }
  const [first, ...rest] = results;
  if (first === undefined) throw new Error('every duplicate was answered "in progress": none acted');
  for (const other of rest) expect(other).toEqual(first);
  return first;
}

/**
 * The service contract (`/v1`, docs/api.md) as one suite: run it against every
 * implementation (the msw handlers, the reference server) with a one-line call.
 */
export function testServiceContract({ name, setup }: ServiceContractOptions): void {
  describe(`service contract: ${name}`, () => {
    const clock = manualClock(START);
    let service: ServiceUnderTest;
    let call: ReturnType<typeof caller>;
    let people = 0;

    beforeAll(async () => {
      service = await setup({ now: clock.now });
      call = caller(service);
    });
    afterAll(async () => {
      await service?.teardown();
    });

    /** A fresh, verified user: the dev verifier accepts `dev:<id>`. */
    async function signIn(extra: Record<string, unknown> = {}) {
      const answer = await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: `dev:user-${++people}`, ...extra } });
      return expectShape(createSessionResponseSchema, answer, 201);
    }

    async function declare(token: string, answers: Record<string, unknown>, key?: string) {
      return call('POST', API_ROUTES.declarations, {
        token,
        body: { formVersion: '1.1', answers },
        headers: key ? { 'Idempotency-Key': key } : {},
      });
    }

    async function declaredUser(person: number) {
      const { sessionToken } = await signIn();
      const answer = await declare(sessionToken, greenAnswers(person));
      return { token: sessionToken, declaration: expectShape(submitDeclarationResponseSchema, answer, 201) };
    }

    async function createOrg(orgName = 'Acme Ltd') {
      return expectShape(
        createOrgResponseSchema,
        await call('POST', API_ROUTES.orgs, { token: service.operatorToken, body: { name: orgName } }),
        201,
      );
    }

    async function addVenue(orgId: string, token: string, venueName = 'Front gate') {
      const answer = await call('POST', apiPath(API_ROUTES.orgVenues, { orgId }), { token, body: { name: venueName } });
      return expectShape(addVenueResponseSchema, answer, 201);
    }

    /** Posts a check-in at `venue` with its scanner token and no session, as a checkpoint device does. */
    async function checkIn(venue: { venueId: string; scannerToken: string }, qrText: string, key?: string) {
      const body = { venueId: venue.venueId, qrText, scannerToken: venue.scannerToken };
      return call('POST', API_ROUTES.checkins, { body, headers: key ? { 'Idempotency-Key': key } : {} });
    }

    /** A venue of a fresh organisation and the code of visitor `person` to scan there. */
    async function scanningVenue(person: number) {
      const org = await createOrg();
      const venue = await addVenue(org.orgId, org.adminToken);
      const visitor = await declaredUser(person);
      return {
        scan: (key?: string) => checkIn(venue, visitor.declaration.code.qrText, key),
        /** How many check-ins the organisation's dashboard counts at the venue today. */
        async venueCheckins() {
          const dashboard = await call('GET', apiPath(API_ROUTES.orgDashboard, { orgId: org.orgId }), { token: org.adminToken });
          const venues = expectShape(dashboardResponseSchema, dashboard, 200).venues;
          expect(venues.map((v) => v.venueId)).toEqual([venue.venueId]);
          return venues[0]?.checkins;
        },
      };
    }

    describe('health and routing', () => {
      it('answers /healthz and /readyz', async () => {
        expect(await call('GET', API_ROUTES.healthz)).toEqual({ status: 200, body: { status: 'ok' } });
        expect(await call('GET', API_ROUTES.readyz)).toEqual({ status: 200, body: { status: 'ready' } });
      });

      it('answers an unknown route with not_found in the error shape', async () => {
        expectError(await call('GET', '/v1/no-such-thing'), 'not_found', 404);
      });
    });

    describe('sessions', () => {
      it('signs in with a host auth code the verifier accepts', async () => {
        const session = await signIn();
        expect(session.identityStatus).toBe('verified');
        expect(Date.parse(session.expiresAt)).toBeGreaterThan(clock.now().getTime());
        const current = expectShape(sessionInfoSchema, await call('GET', API_ROUTES.currentSession, { token: session.sessionToken }), 200);
        expect(current.identityStatus).toBe('verified');
      });

      it('rejects an auth code the verifier does not accept', async () => {
        expectError(await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'forged' } }), 'unauthorized', 401);
      });

      it('rejects requests without a session, or with an unknown one', async () => {
        expectError(await call('GET', API_ROUTES.code), 'unauthorized', 401);
        expectError(await call('GET', API_ROUTES.code, { token: 'not-a-session' }), 'unauthorized', 401);
        expectError(await call('GET', API_ROUTES.code, { headers: { authorization: 'Basic abc' } }), 'unauthorized', 401);
      });

      it('answers malformed bodies with bad_request, never a server error', async () => {
        const malformed: Array<{ raw?: string; body?: unknown }> = [
          { raw: '{"host": "wechat", "authCode": ' },
          { raw: 'not json at all' },
          { body: null },
          { body: [] },
          { body: 42 },
          { body: 'dev:alice' },
          { body: {} },
          { body: { host: 'wechat' } },
          { body: { host: 'WeChat!', authCode: 'dev:a' } },
          { body: { host: 'wechat', authCode: 7 } },
          { body: { host: 'wechat', authCode: 'dev:a', passport: { number: '!!', nationality: 'france', name: '' } } },
          { body: { host: { $ne: 1 }, authCode: ['dev:a'] } },
        ];
        for (const input of malformed) {
          const answer = await call('POST', API_ROUTES.sessions, input);
          expect(answer.status, JSON.stringify(input)).toBe(400);
          expectError(answer, 'bad_request', 400);
        }
      });

      it('answers arbitrary JSON on every POST route with a result or a 4xx error, never a crash', async () => {
        const { sessionToken } = await signIn();
        const org = await createOrg('Fuzz Ltd');
        const targets = [
          { path: API_ROUTES.sessions, token: undefined },
          { path: API_ROUTES.declarations, token: sessionToken },
          { path: API_ROUTES.checkins, token: sessionToken },
          { path: API_ROUTES.orgs, token: service.operatorToken },
          { path: apiPath(API_ROUTES.orgEmployees, { orgId: org.orgId }), token: org.adminToken },
          { path: apiPath(API_ROUTES.orgVenues, { orgId: org.orgId }), token: org.adminToken },
          { path: apiPath(API_ROUTES.review, { reviewId: 'rev_x' }), token: service.operatorToken },
        ];
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...targets), fc.jsonValue({ maxDepth: 3 }), async ({ path, token }, body) => {
            const answer = await call('POST', path, { token, body });
            expect(answer.status).toBeLessThan(500);
            if (answer.status >= 400) expect(apiErrorBodySchema.safeParse(answer.body).success).toBe(true);
          }),
          { numRuns: 60 },
        );
      });

      it('refuses a body over the size limit with payload_too_large', async () => {
        const answer = await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'x'.repeat(200 * 1024) } });
        expectError(answer, 'payload_too_large', 413);
      });
    });

    describe('hardening', () => {
      it('refuses a deeply nested body with bad_request, also under an Idempotency-Key (no stack overflow)', async () => {
        const { sessionToken } = await signIn();
        const raw = `{"formVersion":"1.1","answers":${'['.repeat(2200)}${']'.repeat(2200)}}`;
        const answer = await call('POST', API_ROUTES.declarations, { token: sessionToken, raw, headers: { 'Idempotency-Key': 'deep-1' } });
        expectError(answer, 'bad_request', 400);
      });

      it('refuses text with a lone surrogate, NUL, CR/LF or a bidirectional override in any field with bad_request', async () => {
        const { sessionToken } = await signIn();
        for (const bad of ['\ud800', 'a\u0000b', 'line\r\nbreak', 'evil\u202etxt.exe']) {
          expectError(await declare(sessionToken, greenAnswers(70, `张${bad}三`)), 'bad_request', 400);
          expectError(
            await call('POST', API_ROUTES.orgs, { token: service.operatorToken, body: { name: `Acme ${bad}` } }),
            'bad_request',
            400,
          );
        }
      });

      it('ends a session on DELETE /v1/sessions/current: that token then gets unauthorized, others stay valid', async () => {
        const first = await signIn();
        const second = await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: `dev:user-${people}` } });
        const other = expectShape(createSessionResponseSchema, second, 201);
        expect((await call('DELETE', API_ROUTES.currentSession, { token: first.sessionToken })).status).toBe(204);
        expectError(await call('GET', API_ROUTES.currentSession, { token: first.sessionToken }), 'unauthorized', 401);
        expectError(await call('DELETE', API_ROUTES.currentSession, { token: first.sessionToken }), 'unauthorized', 401);
        expectShape(sessionInfoSchema, await call('GET', API_ROUTES.currentSession, { token: other.sessionToken }), 200);
      });

      it('names the request in every error body (error.requestId), a different id per request', async () => {
        const a = await call('GET', '/v1/nowhere');
        const b = await call('GET', '/v1/nowhere');
        expect(a.body.error.requestId).toMatch(/^req_[0-9a-f]{24}$/);
        expect(b.body.error.requestId).not.toBe(a.body.error.requestId);
      });
    });

    describe('passport registration', () => {
      const passport = { number: 'E12345678', nationality: 'FRA', name: 'DUPONT JEANNE' };

      it('stays pending_review until the operator approves it, and only then may declare', async () => {
        const session = await signIn({ passport });
        expect(session.identityStatus).toBe('pending_review');
        expect(session.reviewId).toBeTruthy();
        expectError(await declare(session.sessionToken, greenAnswers(500)), 'identity_pending', 403);

        const listed = expectShape(listReviewsResponseSchema, await call('GET', API_ROUTES.reviews, { token: service.operatorToken }), 200);
        expect(listed.reviews.map((r) => r.reviewId)).toContain(session.reviewId);

        const review = apiPath(API_ROUTES.review, { reviewId: session.reviewId ?? '' });
        const approved = await call('POST', review, { token: service.operatorToken, body: { decision: 'approve' } });
        expect(approved).toEqual({ status: 200, body: { reviewId: session.reviewId, identityStatus: 'verified' } });

        const current = expectShape(sessionInfoSchema, await call('GET', API_ROUTES.currentSession, { token: session.sessionToken }), 200);
        expect(current.identityStatus).toBe('verified');
        expect((await declare(session.sessionToken, greenAnswers(500))).status).toBe(201);
        expectError(await call('POST', review, { token: service.operatorToken, body: { decision: 'reject' } }), 'conflict', 409);
      });

      it('keeps reviews from anyone but the operator', async () => {
        const session = await signIn();
        expectError(await call('GET', API_ROUTES.reviews, { token: session.sessionToken }), 'forbidden', 403);
        const review = apiPath(API_ROUTES.review, { reviewId: 'rev_unknown' });
        expectError(await call('POST', review, { token: service.operatorToken, body: { decision: 'approve' } }), 'not_found', 404);
      });
    });

    describe('form', () => {
      it('serves the current form and each published version', async () => {
        const current = expectShape(formResponseSchema, await call('GET', API_ROUTES.form), 200);
        expect(current.version).toBe('1.1');
        const older = expectShape(formResponseSchema, await call('GET', apiPath(API_ROUTES.formVersion, { version: '1.0' })), 200);
        expect(older.version).toBe('1.0');
        expectError(await call('GET', apiPath(API_ROUTES.formVersion, { version: '9.9' })), 'not_found', 404);
      });
    });

    describe('declarations', () => {
      it('assesses a declaration and issues a code with masked display data', async () => {
        const { sessionToken } = await signIn();
        const result = expectShape(submitDeclarationResponseSchema, await declare(sessionToken, greenAnswers(1, '王小明')), 201);
        expect(result.assessment.status).toBe('green');
        expect(result.code.status).toBe('green');
        expect(result.code.display.name).not.toContain('小明');
        expect(result.code.display.name).toContain('*');
        expect(result.code.display.documentTail).toBe(residentId(1).slice(-4));
        expect(JSON.stringify(result)).not.toContain(residentId(1));
      });

      it('assesses an unwell person worse than green', async () => {
        const { sessionToken } = await signIn();
        const result = expectShape(submitDeclarationResponseSchema, await declare(sessionToken, unwellAnswers(2, '2026-11-27')), 201);
        expect(result.assessment.status).not.toBe('green');
        expect(result.code.status).toBe(result.assessment.status);
        expect(result.assessment.reasons.length).toBeGreaterThan(0);
      });

      it('answers invalid answers with validation_failed listing every issue', async () => {
        const { sessionToken } = await signIn();
        const answers = { ...greenAnswers(3), identityDocument: { type: 'resident_id_card', number: '110101199003076510' }, phone: '12' };
        const answer = await declare(sessionToken, answers);
        expectError(answer, 'validation_failed', 422);
        const details = validationFailedDetailsSchema.parse(answer.body.error.details);
        expect(details.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['identityDocument.number', 'phone']));
      });

      it('answers an unknown form version with validation_failed on formVersion', async () => {
        const { sessionToken } = await signIn();
        const answer = await call('POST', API_ROUTES.declarations, {
          token: sessionToken,
          body: { formVersion: '0.1', answers: greenAnswers(3) },
        });
        expectError(answer, 'validation_failed', 422);
        expect(answer.body.error.details.issues[0].path).toBe('formVersion');
      });

      it('answers a malformed envelope with bad_request', async () => {
        const { sessionToken } = await signIn();
        for (const body of [{}, { answers: {} }, { formVersion: 11, answers: {} }, []]) {
          expectError(await call('POST', API_ROUTES.declarations, { token: sessionToken, body }), 'bad_request', 400);
        }
      });

      it('replays the stored answer when an Idempotency-Key repeats with the same body', async () => {
        const { sessionToken } = await signIn();
        const first = expectShape(submitDeclarationResponseSchema, await declare(sessionToken, greenAnswers(4), 'key-1'), 201);
        clock.advance(5);
        const again = expectShape(submitDeclarationResponseSchema, await declare(sessionToken, greenAnswers(4), 'key-1'), 201);
        expect(again).toEqual(first);
        const fresh = expectShape(submitDeclarationResponseSchema, await declare(sessionToken, greenAnswers(4)), 201);
        expect(fresh.declarationId).not.toBe(first.declarationId);
      });

      it('refuses an Idempotency-Key reused with a different body with conflict', async () => {
        const { sessionToken } = await signIn();
        expect((await declare(sessionToken, greenAnswers(5), 'key-2')).status).toBe(201);
        expectError(await declare(sessionToken, greenAnswers(6), 'key-2'), 'conflict', 409);
      });

      it('acts once on concurrent declarations with the same new Idempotency-Key', async () => {
        const { sessionToken } = await signIn();
        const answers = await Promise.all([
          declare(sessionToken, greenAnswers(10), 'race-1'),
          declare(sessionToken, greenAnswers(10), 'race-1'),
        ]);
        const result = expectOneResult(submitDeclarationResponseSchema, answers);
        expect(expectShape(submitDeclarationResponseSchema, await declare(sessionToken, greenAnswers(10), 'race-1'), 201)).toEqual(result);
        const code = expectShape(codeResponseSchema, await call('GET', API_ROUTES.code, { token: sessionToken }), 200);
        expect(code.codeId).toBe(result.code.codeId);
      });

      it('lets a key be used again after its request failed', async () => {
        const { sessionToken } = await signIn();
        expectError(await declare(sessionToken, { ...greenAnswers(11), phone: 'x' }, 'retry-me'), 'validation_failed', 422);
        expect((await declare(sessionToken, greenAnswers(11), 'retry-me')).status).toBe(201);
      });

      it('limits declarations per user and minute with rate_limited, and lets the user go on a minute later', async () => {
        const { sessionToken } = await signIn();
        const other = await signIn();
        const invalid = { ...greenAnswers(9), phone: 'x' };
        for (let i = 0; i < 30; i++) expect((await declare(sessionToken, invalid)).status).toBe(422);
        const limited = await declare(sessionToken, invalid);
        expectError(limited, 'rate_limited', 429);
        expect(limited.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
        expect((await declare(other.sessionToken, greenAnswers(9))).status).toBe(201);
        clock.advance(60);
        expect((await declare(sessionToken, greenAnswers(9))).status).toBe(201);
      });

      it('keeps Idempotency-Keys apart per user', async () => {
        const alice = await signIn();
        const bob = await signIn();
        const a = expectShape(submitDeclarationResponseSchema, await declare(alice.sessionToken, greenAnswers(7), 'shared'), 201);
        const b = expectShape(submitDeclarationResponseSchema, await declare(bob.sessionToken, greenAnswers(8), 'shared'), 201);
        expect(b.declarationId).not.toBe(a.declarationId);
      });

      it("binds an account to the person of its first accepted declaration and refuses declaring under another person's document with forbidden", async () => {
        const { sessionToken } = await signIn();
        expectError(await declare(sessionToken, { ...greenAnswers(12), phone: 'x' }), 'validation_failed', 422);
        const first = expectShape(submitDeclarationResponseSchema, await declare(sessionToken, greenAnswers(13)), 201);
        const impostor = await declare(sessionToken, greenAnswers(14), 'as-someone-else');
        expectError(impostor, 'forbidden', 403);
        expect(impostor.body.error.message).toContain('another person');
        const code = expectShape(codeResponseSchema, await call('GET', API_ROUTES.code, { token: sessionToken }), 200);
        expect(code.codeId).toBe(first.code.codeId);
        expect((await declare(sessionToken, unwellAnswers(13, '2026-11-27'))).status).toBe(201);
        expect((await declare(sessionToken, greenAnswers(14), 'as-someone-else')).status).toBe(403);
      });

      it('binds the subject of one of two concurrent first declarations for different people, refusing the other', async () => {
        const { sessionToken } = await signIn();
        const answers = await Promise.all([declare(sessionToken, greenAnswers(15)), declare(sessionToken, greenAnswers(16))]);
        expect(answers.map((a) => a.status).sort()).toEqual([201, 403]);
        const winner = answers.find((a) => a.status === 201);
        const code = expectShape(codeResponseSchema, await call('GET', API_ROUTES.code, { token: sessionToken }), 200);
        expect(code.codeId).toBe(winner?.body.code.codeId);
      });

      it('keeps the binding when the user signs in again', async () => {
        const authCode = 'dev:rebinding-user';
        const first = expectShape(
          createSessionResponseSchema,
          await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode } }),
          201,
        );
        expect((await declare(first.sessionToken, greenAnswers(17))).status).toBe(201);
        const again = expectShape(
          createSessionResponseSchema,
          await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode } }),
          201,
        );
        expectError(await declare(again.sessionToken, greenAnswers(18)), 'forbidden', 403);
      });
    });

    describe('code and trust list', () => {
      it('has no code before the first declaration', async () => {
        const { sessionToken } = await signIn();
        expectError(await call('GET', API_ROUTES.code, { token: sessionToken }), 'not_found', 404);
      });

      it('publishes a trust list signed by the root key that verifies the codes it issues', async () => {
        const { token } = await declaredUser(10);
        const code = expectShape(codeResponseSchema, await call('GET', API_ROUTES.code, { token }), 200);
        const { signed } = expectShape(trustListResponseSchema, await call('GET', API_ROUTES.trustList), 200);
        const trust = await verifyTrustList(signed, parsePublicJwk(service.rootPublicKey), { now: clock.now() });
        const verified = await verifyCode(code.qrText, { trust, now: clock.now() });
        expect(verified).toMatchObject({ valid: true, status: code.status, codeId: code.codeId });
      });

      it('serves the same code until refreshAfter, then a fresh one', async () => {
        const { token, declaration } = await declaredUser(11);
        const first = expectShape(codeResponseSchema, await call('GET', API_ROUTES.code, { token }), 200);
        expect(first.codeId).toBe(declaration.code.codeId);
        const lifetime = Date.parse(first.expiresAt) - Date.parse(first.issuedAt);
        expect(lifetime).toBe(service.codeTtlSeconds * 1000);
        expect(Date.parse(first.refreshAfter)).toBeLessThan(Date.parse(first.expiresAt));
        expect(Date.parse(first.refreshAfter)).toBeGreaterThan(Date.parse(first.issuedAt));

        clock.advance(Math.floor((Date.parse(first.refreshAfter) - clock.now().getTime()) / 1000) - 1);
        expect((await call('GET', API_ROUTES.code, { token })).body.codeId).toBe(first.codeId);
        clock.advance(2);
        const second = expectShape(codeResponseSchema, await call('GET', API_ROUTES.code, { token }), 200);
        expect(second.codeId).not.toBe(first.codeId);
        expect(second.status).toBe(first.status);
        expect(Date.parse(second.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt));
      });
    });

    describe('check-ins', () => {
      it("verifies a scanned code against the service trust list and records the result, authorised by the venue's scanner token alone", async () => {
        const org = await createOrg();
        const venue = await addVenue(org.orgId, org.adminToken);
        expect(venue.scannerToken).not.toBe(org.adminToken);
        const visitor = await declaredUser(20);
        const checkin = expectShape(checkinResponseSchema, await checkIn(venue, visitor.declaration.code.qrText), 201);
        expect(checkin.venueId).toBe(venue.venueId);
        expect(checkin.result).toMatchObject({ valid: true, status: 'green', codeId: visitor.declaration.code.codeId });
      });

      it('reports an expired or garbled code as invalid with a reason', async () => {
        const org = await createOrg();
        const venue = await addVenue(org.orgId, org.adminToken);
        const visitor = await declaredUser(21);
        expect(expectShape(checkinResponseSchema, await checkIn(venue, 'HCODE2:not-a-code'), 201).result.valid).toBe(false);
        clock.advance(service.codeTtlSeconds + 600);
        const expired = await checkIn(venue, visitor.declaration.code.qrText);
        expect(expectShape(checkinResponseSchema, expired, 201).result).toMatchObject({ valid: false, reason: 'expired' });
      });

      it('records a check-in once when its Idempotency-Key repeats with the same body, and replays the stored answer', async () => {
        const { scan, venueCheckins } = await scanningVenue(22);
        const first = expectShape(checkinResponseSchema, await scan('scan-1'), 201);
        clock.advance(5);
        expect(expectShape(checkinResponseSchema, await scan('scan-1'), 201)).toEqual(first);
        const fresh = expectShape(checkinResponseSchema, await scan(), 201);
        expect(fresh.checkinId).not.toBe(first.checkinId);
        expect(await venueCheckins()).toBe(2);
      });

      it('records one check-in for concurrent scans with the same new Idempotency-Key', async () => {
        const { scan, venueCheckins } = await scanningVenue(24);
        expectOneResult(checkinResponseSchema, await Promise.all([scan('race-scan'), scan('race-scan'), scan('race-scan')]));
        expect(await venueCheckins()).toBe(1);
      });

      it('refuses a check-in Idempotency-Key reused at the venue with a different body with conflict, and keeps keys apart per venue', async () => {
        const org = await createOrg();
        const venue = await addVenue(org.orgId, org.adminToken);
        const other = await addVenue(org.orgId, org.adminToken, 'Back door');
        const { declaration } = await declaredUser(23);
        const first = expectShape(checkinResponseSchema, await checkIn(venue, declaration.code.qrText, 'scan-2'), 201);
        expectError(await checkIn(venue, 'HCODE2:another-code', 'scan-2'), 'conflict', 409);
        const elsewhere = expectShape(checkinResponseSchema, await checkIn(other, declaration.code.qrText, 'scan-2'), 201);
        expect(elsewhere.checkinId).not.toBe(first.checkinId);
        expectError(await checkIn(venue, declaration.code.qrText, 'not a key'), 'bad_request', 400);
      });

      it("refuses a check-in without a scanner token, with a wrong one, with another venue's or for an unknown venue, all alike with forbidden", async () => {
        const org = await createOrg();
        const venue = await addVenue(org.orgId, org.adminToken);
        const elsewhere = await createOrg('Other Ltd');
        const otherVenue = await addVenue(elsewhere.orgId, elsewhere.adminToken);
        const { token, declaration } = await declaredUser(25);
        const qrText = declaration.code.qrText;
        const refusals = [
          // A signed-in session is no scanner credential.
          await call('POST', API_ROUTES.checkins, { token, body: { venueId: venue.venueId, qrText } }),
          await checkIn({ venueId: venue.venueId, scannerToken: 'f'.repeat(64) }, qrText),
          await checkIn({ venueId: venue.venueId, scannerToken: org.adminToken }, qrText),
          await checkIn({ venueId: venue.venueId, scannerToken: otherVenue.scannerToken }, qrText),
          await checkIn({ venueId: 'ven_unknown', scannerToken: venue.scannerToken }, qrText),
        ];
        for (const answer of refusals) expectError(answer, 'forbidden', 403);
        expect(new Set(refusals.map((a) => a.body.error.message)).size).toBe(1);
        expectError(
          await call('POST', API_ROUTES.checkins, { body: { venueId: venue.venueId, scannerToken: venue.scannerToken } }),
          'bad_request',
          400,
        );

        const dashboard = await call('GET', apiPath(API_ROUTES.orgDashboard, { orgId: org.orgId }), { token: org.adminToken });
        expect(expectShape(dashboardResponseSchema, dashboard, 200).venues[0]?.checkins).toBe(0);
      });
    });

    describe('organisations', () => {
      it('lets only the operator create organisations', async () => {
        const user = await signIn();
        expectError(await call('POST', API_ROUTES.orgs, { token: user.sessionToken, body: { name: 'Rogue' } }), 'forbidden', 403);
        expectError(await call('POST', API_ROUTES.orgs, { body: { name: 'Rogue' } }), 'unauthorized', 401);
        expectError(await call('POST', API_ROUTES.orgs, { token: service.operatorToken, body: { name: '' } }), 'bad_request', 400);
      });

      it('registers employees by identity document under the subject id their codes carry', async () => {
        const org = await createOrg();
        const employees = apiPath(API_ROUTES.orgEmployees, { orgId: org.orgId });
        const byDocument = await call('POST', employees, {
          token: org.adminToken,
          body: { identityDocument: { type: 'resident_id_card', number: residentId(30) }, label: 'E-30' },
        });
        const employee = expectShape(employeeSchema, byDocument, 201);
        expect(employee.label).toBe('E-30');
        expect(JSON.stringify(byDocument.body)).not.toContain(residentId(30));

        const { declaration } = await declaredUser(30);
        const { signed } = (await call('GET', API_ROUTES.trustList)).body;
        const trust = await verifyTrustList(signed, parsePublicJwk(service.rootPublicKey), { now: clock.now() });
        const verified = await verifyCode(declaration.code.qrText, { trust, now: clock.now() });
        expect(verified.valid && verified.subject).toBe(employee.subjectId);

        const bySubject = await call('POST', employees, { token: org.adminToken, body: { subjectId: 'subject-known-elsewhere' } });
        expect(expectShape(employeeSchema, bySubject, 201).subjectId).toBe('subject-known-elsewhere');
        expectError(await call('POST', employees, { token: org.adminToken, body: { subjectId: employee.subjectId } }), 'conflict', 409);
        expectError(
          await call('POST', employees, { token: org.adminToken, body: { subjectId: 'a', identityDocument: { type: 'x', number: '1' } } }),
          'bad_request',
          400,
        );
      });

      it("shows an admin today's employees by status, who has not declared, visitors and check-ins per venue", async () => {
        const org = await createOrg('Dashboard Co');
        const employees = apiPath(API_ROUTES.orgEmployees, { orgId: org.orgId });
        for (const n of [40, 41, 42]) {
          const body = { identityDocument: { type: 'resident_id_card', number: residentId(n) }, label: `E-${n}` };
          expect((await call('POST', employees, { token: org.adminToken, body })).status).toBe(201);
        }
        const gate = await addVenue(org.orgId, org.adminToken, 'Gate');
        const canteen = await addVenue(org.orgId, org.adminToken, 'Canteen');
        const staff = await declaredUser(40);
        const unwell = await signIn();
        const unwellCode = expectShape(
          submitDeclarationResponseSchema,
          await declare(unwell.sessionToken, unwellAnswers(41, '2026-11-27')),
          201,
        );
        const visitor = await declaredUser(43);
        await checkIn(gate, staff.declaration.code.qrText);
        await checkIn(gate, visitor.declaration.code.qrText);
        await checkIn(canteen, unwellCode.code.qrText);
        await checkIn(canteen, 'HCODE2:garbage');

        const answer = await call('GET', apiPath(API_ROUTES.orgDashboard, { orgId: org.orgId }), { token: org.adminToken });
        const dashboard = expectShape(dashboardResponseSchema, answer, 200);
        const expectedStaff = { green: 1, yellow: 0, red: 0 };
        expectedStaff[unwellCode.assessment.status] += 1;
        expect(dashboard.date).toBe(new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10));
        expect(dashboard.employees.total).toBe(3);
        expect(dashboard.employees.byStatus).toEqual(expectedStaff);
        expect(dashboard.employees.notDeclared.map((e) => e.label)).toEqual(['E-42']);
        expect(dashboard.visitors).toEqual({ total: 1, byStatus: { green: 1, yellow: 0, red: 0 } });
        const venues = Object.fromEntries(dashboard.venues.map((v) => [v.name, v]));
        expect(venues['Gate']).toMatchObject({ checkins: 2, rejected: 0, byStatus: { green: 2, yellow: 0, red: 0 } });
        expect(venues['Canteen']).toMatchObject({ checkins: 2, rejected: 1 });

        const yesterday = await call('GET', `${apiPath(API_ROUTES.orgDashboard, { orgId: org.orgId })}?date=2026-11-20`, {
          token: org.adminToken,
        });
        const past = expectShape(dashboardResponseSchema, yesterday, 200);
        expect(past.employees.notDeclared).toHaveLength(3);
        expect(past.venues.every((v) => v.checkins === 0)).toBe(true);
        expectError(
          await call('GET', `${apiPath(API_ROUTES.orgDashboard, { orgId: org.orgId })}?date=27-11-2026`, { token: org.adminToken }),
          'bad_request',
          400,
        );
      });

      it("keeps each organisation's admin out of every other organisation", async () => {
        const a = await createOrg('Org A');
        const b = await createOrg('Org B');
        const asB = { token: b.adminToken };
        expectError(await call('GET', apiPath(API_ROUTES.orgDashboard, { orgId: a.orgId }), asB), 'forbidden', 403);
        expectError(
          await call('POST', apiPath(API_ROUTES.orgEmployees, { orgId: a.orgId }), { ...asB, body: { subjectId: 'someone-else' } }),
          'forbidden',
          403,
        );
        expectError(
          await call('POST', apiPath(API_ROUTES.orgVenues, { orgId: a.orgId }), { ...asB, body: { name: 'Spy hole' } }),
          'forbidden',
          403,
        );
        expectError(await call('GET', apiPath(API_ROUTES.orgDashboard, { orgId: a.orgId }), { token: 'nobody' }), 'unauthorized', 401);
        expectError(
          await call('GET', apiPath(API_ROUTES.orgDashboard, { orgId: a.orgId }), { token: service.operatorToken }),
          'unauthorized',
          401,
        );
        expect((await call('GET', apiPath(API_ROUTES.orgDashboard, { orgId: b.orgId }), asB)).status).toBe(200);
      });
    });

    testAuthorityContract(() => ({ service, call, clock }));
  });
}
