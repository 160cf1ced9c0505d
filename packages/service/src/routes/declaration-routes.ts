import { assessDeclaration } from '@healthcode/core/assessment';
import { buildFormDescriptor, validateDeclaration, type Declaration } from '@healthcode/core/declaration';
import { deriveSubjectId, documentTail, maskName } from '@healthcode/core/privacy';
import { ApiError } from '@healthcode/core/api';
import { API_ROUTES } from '@healthcode/core/api';
import { submitDeclarationRequestSchema, type SubmitDeclarationResponse } from '@healthcode/core/api';
import { authenticate, type ServiceContext } from '../context.js';
import { created, ok, parseOrThrow, type ServiceRoute } from '../http.js';
import { runIdempotent } from '../idempotency.js';
import { newId } from '../ids.js';
import type { StoredDeclaration, StoredUser } from '../store/store.js';
import { colourFields } from '../authority/code-reasons.js';
import { HISTORY_DAYS, evaluationToJson } from '../authority/colour.js';
import { staysOf } from '../authority/stays.js';

/** The answer to a declaration for another subject than the one the user is bound to. */
const anotherPerson = () => new ApiError('forbidden', 'this account declares for another person');

function formDescriptor(version?: string) {
  try {
    return buildFormDescriptor(version === undefined ? undefined : { version });
  } catch (cause) {
    throw new ApiError('not_found', `no form version ${JSON.stringify(version)}`, { cause });
  }
}

/** The form (`GET /v1/form[/:version]`) and declaring (`POST /v1/declarations`). */
export function declarationRoutes(ctx: ServiceContext): ServiceRoute[] {
  async function declare({ userId, subjectId: boundSubject }: StoredUser, body: unknown) {
    const { formVersion, answers } = parseOrThrow(submitDeclarationRequestSchema, body, 'declaration request');
    const now = ctx.now();
    const validation = validateDeclaration(answers, { formVersion, now });
    if (!validation.ok) {
      throw new ApiError('validation_failed', 'the declaration has problems', { details: { issues: validation.issues } });
    }
    const declaration: Declaration = validation.declaration;
    const subjectId = deriveSubjectId(declaration.identityDocument, ctx.keyring.subjectKey, { crypto: ctx.crypto });
    if (boundSubject !== undefined && boundSubject !== subjectId) throw anotherPerson();
    const since = now.getTime() - HISTORY_DAYS * 86_400_000;
    const history = (await ctx.store.listDeclarations(subjectId, since)).map((d) => ({
      declaredAt: new Date(d.declaredAt),
      declaration: d.declaration as Declaration,
    }));
    const rules = await ctx.colour.rules();
    const assessment = assessDeclaration(declaration, { rules, now, history });
    // The code shows the colour of everything known, not of this declaration alone.
    const evaluation = await ctx.colour.evaluate(subjectId, { declaredAt: now, declaration });
    const record: StoredDeclaration = {
      declarationId: newId('dcl', ctx.crypto),
      userId,
      subjectId,
      formVersion,
      declaration,
      assessment,
      status: assessment.status,
      declaredAt: now.getTime(),
    };
    const code = await ctx.codes.issue({
      userId,
      subjectId,
      status: evaluation.status,
      display: { name: maskName(declaration.person.name), documentTail: documentTail(declaration.identityDocument.number) },
      ...(evaluation.lastNegativeTestAt ? { negativeTestAt: evaluation.lastNegativeTestAt.getTime() } : {}),
    });
    const response: SubmitDeclarationResponse = {
      declarationId: record.declarationId,
      declaredAt: now.toISOString(),
      assessment,
      code: { ...ctx.codes.toResponse(code), ...colourFields(evaluationToJson(evaluation), code) },
    };
    return { response, record, code, evaluation };
  }

  return [
    { method: 'GET', path: API_ROUTES.form, handle: async () => ok(formDescriptor()) },
    { method: 'GET', path: API_ROUTES.formVersion, handle: async (request) => ok(formDescriptor(request.params['version'])) },
    {
      method: 'POST',
      path: API_ROUTES.declarations,
      async handle(request) {
        const user = await authenticate(ctx, request);
        if (user.identityStatus === 'pending_review')
          throw new ApiError('identity_pending', 'your passport registration is waiting for review');
        if (user.identityStatus !== 'verified') throw new ApiError('forbidden', 'your identity was not accepted');
        return runIdempotent(ctx, request, user.userId, API_ROUTES.declarations, async (recordAnswer) => {
          await ctx.limits.declarations.take(user.userId);
          const { response, record, code, evaluation } = await declare(user, request.body);
          const answer = created(response);
          // The store binds the subject atomically: of two concurrent first declarations for different people, one loses here.
          if (!(await ctx.store.commitDeclaration({ declaration: record, code, idempotency: recordAnswer(answer) }))) throw anotherPerson();
          ctx.codes.remember(code);
          // After the commit, outside its transaction: a crash here leaves stays unindexed until the subject declares again.
          await ctx.authority.indexStays(staysOf(record.subjectId, record.declaration as Declaration));
          await ctx.colour.record(record.subjectId, evaluation);
          return answer;
        });
      },
    },
  ];
}
