export { maskName, documentTail } from './mask.js';
export {
  deriveSubjectId,
  keyedDigest,
  normalizeIdentity,
  type SubjectIdentity,
  SubjectIdError,
  MIN_SUBJECT_KEY_BYTES,
} from './subject-id.js';
