import { contactLineSchema, testLineSchema } from '@healthcode/core/api';
import { cityDate } from '@healthcode/core/declaration';
import type { ZodType } from 'zod';
import { documentProblem, subjectOf, type IdentityDocumentInput } from './subjects.js';
import type { StoredContact, StoredTest } from './store.js';

/** One refused line of a batch, numbered from 1; codes are stable, messages never quote personal data. */
export interface LineProblem {
  line: number;
  code: 'invalid_line' | 'invalid_document' | 'no_person' | 'two_persons' | 'in_the_future';
  message: string;
}

interface PersonLine {
  identityDocument?: IdentityDocumentInput | undefined;
  subjectId?: string | undefined;
}

/** The facts of a valid batch, or every problem of an invalid one. */
export type BatchReading = { ok: true; contacts: StoredContact[]; tests: StoredTest[] } | { ok: false; problems: LineProblem[] };

interface ReadContext {
  batchId: string;
  subjectKey: string;
  now: Date;
}

function person(line: PersonLine, n: number, ctx: ReadContext): string | LineProblem {
  if (line.identityDocument && line.subjectId) return { line: n, code: 'two_persons', message: 'give identityDocument or subjectId, not both' };
  if (line.subjectId) return line.subjectId;
  if (!line.identityDocument) return { line: n, code: 'no_person', message: 'identityDocument or subjectId is required' };
  const problem = documentProblem(line.identityDocument, ctx.now);
  return problem ? { line: n, code: 'invalid_document', message: problem } : subjectOf(line.identityDocument, ctx.subjectKey);
}

function readLines<L extends PersonLine, F>(
  lines: readonly unknown[],
  schema: ZodType<L>,
  ctx: ReadContext,
  toFact: (line: L, subjectId: string) => F | string,
): { facts: F[]; problems: LineProblem[] } {
  const facts: F[] = [];
  const problems: LineProblem[] = [];
  lines.forEach((raw, i) => {
    const n = i + 1;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ line: n, code: 'invalid_line', message: `${issue?.path.map(String).join('.') || 'line'}: ${issue?.message ?? 'invalid'}` });
      return;
    }
    const subject = person(parsed.data, n, ctx);
    if (typeof subject !== 'string') return void problems.push(subject);
    const fact = toFact(parsed.data, subject);
    if (typeof fact === 'string') problems.push({ line: n, code: 'in_the_future', message: fact });
    else facts.push(fact);
  });
  return { facts, problems };
}

/**
 * Checks every line of a batch and turns it into facts about subject ids: documents are
 * hashed here, on arrival, and never stored. A batch with any bad line yields only its
 * problems, all of them, so it is refused whole.
 */
export function readBatch(kind: 'contacts' | 'tests', lines: readonly unknown[], ctx: ReadContext): BatchReading {
  const recordedAt = ctx.now.getTime();
  const today = cityDate(ctx.now);
  const { batchId } = ctx;
  if (kind === 'contacts') {
    const { facts, problems } = readLines(lines, contactLineSchema, ctx, (l, subjectId): StoredContact | string =>
      l.lastContactDate > today ? 'lastContactDate is after today' : { subjectId, caseType: l.caseType, lastContactDate: l.lastContactDate, source: l.source, batchId, recordedAt },
    );
    return problems.length ? { ok: false, problems } : { ok: true, contacts: facts, tests: [] };
  }
  const { facts, problems } = readLines(lines, testLineSchema, ctx, (l, subjectId): StoredTest | string => {
    const sampledAt = Date.parse(l.sampledAt);
    return sampledAt > recordedAt ? 'sampledAt is in the future' : { subjectId, sampledAt, result: l.result, labId: l.labId, batchId, recordedAt };
  });
  return problems.length ? { ok: false, problems } : { ok: true, contacts: [], tests: facts };
}
