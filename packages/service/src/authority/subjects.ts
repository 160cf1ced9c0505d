import { ApiError, type identityDocumentInputSchema } from '@healthcode/core/api';
import {
  IDENTITY_DOCUMENT_TYPES,
  checkForeignPermanentResidentIdNumber,
  checkHkMacauPermitNumber,
  checkNationality,
  checkPassportNumber,
  checkResidentIdNumber,
  checkTaiwanPermitNumber,
  cityDate,
  type IdentityDocumentType,
} from '@healthcode/core/declaration';
import { deriveSubjectId } from '@healthcode/core/privacy';
import type { z } from 'zod';

/** An identity document as the authority sends it. */
export type IdentityDocumentInput = z.infer<typeof identityDocumentInputSchema>;

const NUMBER_CHECKS: Record<IdentityDocumentType, typeof checkResidentIdNumber> = {
  resident_id_card: checkResidentIdNumber,
  passport: checkPassportNumber,
  hk_macau_permit: checkHkMacauPermitNumber,
  taiwan_permit: checkTaiwanPermitNumber,
  foreign_permanent_resident_id: checkForeignPermanentResidentIdNumber,
};

const isDocumentType = (type: string): type is IdentityDocumentType => (IDENTITY_DOCUMENT_TYPES as readonly string[]).includes(type);

/**
 * What is wrong with a document, checked by the same rules as a declaration's (so it
 * hashes to the subject id its holder declares under), or `undefined`. The message never
 * repeats the number.
 */
export function documentProblem(doc: IdentityDocumentInput, now: Date): string | undefined {
  if (!isDocumentType(doc.type)) return `unknown document type (one of ${IDENTITY_DOCUMENT_TYPES.join(', ')})`;
  const today = cityDate(now);
  if (doc.type === 'passport' && (doc.nationality === undefined || checkNationality(doc.nationality))) return 'a passport needs a valid nationality';
  return NUMBER_CHECKS[doc.type](doc.number, { today }) ? `not a valid ${doc.type} number` : undefined;
}

/** The subject id of a document, hashed with the keyring's subject key; the number goes no further. */
export function subjectOf(doc: IdentityDocumentInput, subjectKey: string): string {
  return deriveSubjectId(doc, subjectKey);
}

/** The subject of a manual status: a valid document, hashed on arrival. */
export function requireSubject(doc: IdentityDocumentInput, subjectKey: string, now: Date): string {
  const problem = documentProblem(doc, now);
  if (problem) throw new ApiError('validation_failed', 'the identity document is not valid', { details: { issues: [{ path: 'identityDocument', code: 'invalid_document', message: problem }] } });
  return subjectOf(doc, subjectKey);
}
