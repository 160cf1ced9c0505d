// Declaration throughput: validateDeclaration beside a bare safeParse of the same zod schema (the
// cost of issue mapping and versioning) and assessDeclaration with a month of daily history.
// Ratio = opsPerSec / baseline. Target: validate >= 0.8 x bare safeParse. deriveSubjectId, with each
// crypto provider beside node:crypto's HMAC, is in crypto.bench.ts.
import { readFileSync } from 'node:fs';
import { type Declaration, validateDeclaration } from '@healthcode/core';
import { type DeclarationRecord, DEFAULT_RULE_SET, assessDeclaration } from '@healthcode/core/assessment';
import { createDeclarationSchema } from '@healthcode/core/declaration';
import { benchRow, mergeResults } from './results.js';

const example = JSON.parse(readFileSync(new URL('../docs/examples/declarations/foreigner-passport.json', import.meta.url), 'utf8'));
const now = new Date(example.declaredAt as string);
const answers = example.answers as Declaration;
const schema = createDeclarationSchema({ now: () => now });
const history: DeclarationRecord[] = Array.from({ length: 30 }, (_, i) => ({
  declaredAt: new Date(now.getTime() - (30 - i) * 86_400_000),
  declaration: answers,
}));
const rules = { ...DEFAULT_RULE_SET, riskAreas: [{ region: '440300', level: 'medium' as const, validFrom: '2026-10-01', validUntil: '2026-11-30' }] };

/** Calls `run` back to back for about `ms` milliseconds; returns calls per second. */
function opsPerSecond(run: () => unknown, ms = 700): number {
  for (let i = 0; i < 200; i++) run();
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 50; i++) run();
    n += 50;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (n * 1000) / elapsed;
}

const safeParse = opsPerSecond(() => schema.safeParse(answers));
const validate = opsPerSecond(() => validateDeclaration(answers, { now, formVersion: '1.1' }));
const invalid = opsPerSecond(() => validateDeclaration({ ...answers, phone: 'x', district: '1' }, { now, locale: 'en' }));
const assessOne = opsPerSecond(() => assessDeclaration(answers, { now, rules }));
const assessMonth = opsPerSecond(() => assessDeclaration(answers, { now, rules, history }));

const rows = [
  benchRow('declaration.validate (valid)', validate, { name: 'zod safeParse', opsPerSec: safeParse }),
  benchRow('declaration.validate (3 issues)', invalid, { name: 'zod safeParse', opsPerSec: safeParse }),
  benchRow('assessment.assess (no history)', assessOne),
  benchRow('assessment.assess (30 days of history)', assessMonth, { name: 'assessment.assess (no history)', opsPerSec: assessOne }),
];
console.table(rows);
mergeResults(rows);
