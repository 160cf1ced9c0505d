export type { FormDescriptor, FormSection, FormField, FormFieldType, FormOption, FieldCondition } from './descriptor.js';
export { buildFormDescriptor, type BuildFormDescriptorOptions, FormDefinitionError } from './build.js';
export { localiseFormDescriptor, type LocalisedFormDescriptor, type Localised } from './localise.js';
