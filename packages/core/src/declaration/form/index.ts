export type { FormDescriptor, FormSection, FormField, FormFieldType, FormOption, FieldCondition } from './descriptor.js';
export { buildFormDescriptor, type BuildFormDescriptorOptions, FormDefinitionError } from './build.js';
export { localizeFormDescriptor, type LocalizedFormDescriptor, type Localized } from './localize.js';
