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

/** How far back earlier declarations count as history for the assessment. */
const HISTORY_DAYS = 28;

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
    const subjectId = deriveSubjectId(declaration.identityDocument, ctx.keyring.subjectKey);
    if (boundSubject !== undefined && boundSubject !== subjectId) throw anotherPerson();
    const since = now.getTime() - HISTORY_DAYS * 86_400_000;
    const history = (await ctx.store.listDeclarations(subjectId, since)).map((d) => ({
      declaredAt: new Date(d.declaredAt),
      declaration: d.declaration as Declaration,
    }));
    const assessment = assessDeclaration(declaration, { rules: ctx.rules, now, history });
    const record: StoredDeclaration = {
      declarationId: newId('dcl'),
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
      status: assessment.status,
      display: { name: maskName(declaration.person.name), documentTail: documentTail(declaration.identityDocument.number) },
    });
    const response: SubmitDeclarationResponse = {
      declarationId: record.declarationId,
      declaredAt: now.toISOString(),
      assessment,
      code: ctx.codes.toResponse(code),
    };
    return { response, record, code };
  }

  return [
    { method: 'GET', path: API_ROUTES.form, handle: async () => ok(formDescriptor()) },
    { method: 'GET', path: API_ROUTES.formVersion, handle: async (request) => ok(formDescriptor(request.params['version'])) },
    {
      method: 'POST',
      path: API_ROUTES.declarations,
      async handle(request) {
        const user = await authenticate(ctx, request);
        if (user.identityStatus === 'pending_review') throw new ApiError('identity_pending', 'your passport registration is waiting for review');
        if (user.identityStatus !== 'verified') throw new ApiError('forbidden', 'your identity was not accepted');
        return runIdempotent(ctx, request, user.userId, API_ROUTES.declarations, async (recordAnswer) => {
          await ctx.limits.declarations.take(user.userId);
          const { response, record, code } = await declare(user, request.body);
          const answer = created(response);
          // The store binds the subject atomically: of two concurrent first declarations for different people, one loses here.
          if (!(await ctx.store.commitDeclaration({ declaration: record, code, idempotency: recordAnswer(answer) }))) throw anotherPerson();
          ctx.codes.remember(code);
          return answer;
        });
      },
    },
  ];
}
