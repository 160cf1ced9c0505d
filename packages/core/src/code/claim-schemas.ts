import * as z from 'zod';
import { CODE_ID, DOCUMENT_TAIL, ISSUER_ID, MASKED_NAME, PSEUDONYM, REGION, SUBJECT, type Rule } from './rules.js';

// zod schemas of the claim rules, for checking issuing input with zod's messages and paths.
const stringBy = (rule: Rule) => z.string().refine(rule.test, rule.message);

/** Issuer ids: 1-64 of `A-Z a-z 0-9 . _ : -`. */
export const issuerIdSchema = stringBy(ISSUER_ID);
/** GB/T 2260 administrative division code: six digits, e.g. `310000` (Shanghai). */
export const regionSchema = stringBy(REGION);
/** Code ids (`jti`): 1-64 base64url characters. */
export const codeIdSchema = stringBy(CODE_ID);
/** Pseudonymous subject ids (see {@link SUBJECT} and {@link PSEUDONYM}). */
export const subjectSchema = stringBy(SUBJECT).refine(PSEUDONYM.test, PSEUDONYM.message);
/** Masked display name: 1-32 characters including at least one `*`. */
export const maskedNameSchema = stringBy(MASKED_NAME);
/** Document tail: 1-4 of `0-9 A-Z`. */
export const documentTailSchema = stringBy(DOCUMENT_TAIL);
