export { gb11643CheckChar, hasValidGb11643Check } from './gb11643.js';
export type { IdentityProblem, IdentityCheckContext } from './problem.js';
export { checkResidentIdNumber } from './resident-id-card.js';
export { checkPassportNumber, checkNationality } from './passport.js';
export { checkHkMacauPermitNumber, hkMacauPermitHolderNumber } from './hk-macau-permit.js';
export { checkTaiwanPermitNumber } from './taiwan-permit.js';
export { checkForeignPermanentResidentIdNumber } from './foreign-permanent-resident-id.js';
export { IDENTITY_DOCUMENT_TYPES, type IdentityDocumentType, type IdentityDocument } from './schema.js';
