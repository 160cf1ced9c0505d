import type { LocalisedText } from '../locale.js';

/** Kinds of input a host renders. */
export type FormFieldType =
  'text' | 'number' | 'date' | 'phone' | 'region' | 'district' | 'country' | 'boolean' | 'select' | 'multiselect' | 'list';

/** A condition on another answer: the field is shown only when that answer equals `equals`. */
export interface FieldCondition {
  /** Path of the answer the condition reads, e.g. `identityDocument.type`. */
  path: string;
  equals: string | boolean;
}

/** One choice of a select or multi-select. */
export interface FormOption {
  value: string | boolean;
  label: LocalisedText;
}

/** One question of the form. */
export interface FormField {
  /**
   * Unique id within the form: the path, plus `@value` for a field that exists
   * only in one branch of a choice (`identityDocument.number@passport`).
   */
  id: string;
  /**
   * Where the answer goes, dot-separated from the answers' root (or, for a
   * list's item fields, from the item). Fields of different branches can share
   * a path: only one of them is ever visible.
   */
  path: string;
  type: FormFieldType;
  label: LocalisedText;
  help?: LocalisedText;
  required: boolean;
  /** Every condition must hold for the field to be shown (and answered). */
  visibleWhen?: FieldCondition[];
  options?: FormOption[];
  /** Multi-select options that exclude all others. */
  exclusiveOptions?: string[];
  min?: number;
  max?: number;
  step?: number;
  unit?: string;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  /** The fields of each item of a `list`. */
  itemFields?: FormField[];
}

/** An ordered group of fields, shown together. */
export interface FormSection {
  id: string;
  title: LocalisedText;
  fields: FormField[];
}

/**
 * A complete, JSON-serialisable description of one version of the declaration
 * form. Hosts render it; answers are sent back with its `version`.
 */
export interface FormDescriptor {
  /** Format of this document itself; bumped only for incompatible changes to these types. */
  descriptorFormat: 1;
  version: string;
  publishedAt: string;
  title: LocalisedText;
  /** Length of the look-back window of travel and contact dates, in days. */
  windowDays: number;
  sections: FormSection[];
}
