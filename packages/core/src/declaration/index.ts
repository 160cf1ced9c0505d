// LocalisedText (Record<Locale, string>) stays internal: render/ exports a narrower type of that name.
export { type Locale, LOCALES, DEFAULT_LOCALE, isLocale } from './locale.js';
export { CITY_UTC_OFFSET_MINUTES, type IsoDate, cityDate, cityDayStart, isIsoDate, addDays, windowStart } from './calendar.js';
export { PROVINCE_CODES, isRegionCode, isDistrictCode, regionsOverlap } from './regions.js';
export * from './identity/index.js';
export {
  SYMPTOMS,
  type Symptom,
  TEMPERATURE_RANGE,
  MAX_TRAVEL_PLACES,
  TRANSPORT_MODES,
  CONTACT_CASE_TYPES,
  type Declaration,
  type DeclarationKey,
  type DeclarationSchemaOptions,
  createDeclarationSchema,
  declarationSchema,
} from './schema.js';
export { DECLARATION_WINDOW_DAYS } from './fields.js';
export type { DeclarationIssueCode } from './issue-codes.js';
export { issueMessage } from './messages.js';
export {
  FORM_VERSIONS,
  CURRENT_FORM_VERSION,
  type FormVersionDefinition,
  type FormSectionDefinition,
  FormVersionError,
  findFormVersion,
  getFormVersion,
} from './versions.js';
export * from './form/index.js';
export {
  validateDeclaration,
  type DeclarationIssue,
  type ValidateDeclarationOptions,
  type DeclarationValidationResult,
} from './validate.js';
