export { maskName, documentTail } from './mask.js';
export {
  deriveSubjectId,
  normalizeIdentity,
  type SubjectIdentity,
  SubjectIdError,
  MIN_SUBJECT_KEY_BYTES,
} from './subject-id.js';
