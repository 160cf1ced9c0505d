export { maskName, documentTail } from './mask.js';
export {
  deriveSubjectId,
  keyedDigest,
  normaliseIdentity,
  type SubjectIdentity,
  SubjectIdError,
  MIN_SUBJECT_KEY_BYTES,
} from './subject-id.js';
