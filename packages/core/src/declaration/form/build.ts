import * as z from 'zod';
import { HealthCodeError } from '../../errors.js';
import { fieldMeta } from '../field-meta.js';
import { DECLARATION_WINDOW_DAYS, type SchemaContext } from '../fields.js';
import type { LocalizedText } from '../locale.js';
import { declarationParts } from '../schema.js';
import { getFormVersion } from '../versions.js';
import type { FieldCondition, FormDescriptor, FormField, FormOption } from './descriptor.js';
import { BOOLEAN_LABELS, FIELD_TEXTS, FORM_TITLE, OPTION_LABELS, SECTION_TITLES } from './labels.js';

/** Thrown when the form definitions lack a text or use a schema the builder cannot describe (a bug, caught by tests). */
export class FormDefinitionError extends HealthCodeError<'form/missing_text' | 'form/unsupported_schema'> {}

/** Where the walk is: the answer path, the text key prefix of list items, the branch and its conditions. */
interface Position {
  path: string;
  /** For list item fields: the list's path, which prefixes text keys (`travel.places[].`). */
  listPath?: string;
  branch?: string | boolean;
  required: boolean;
  conditions: FieldCondition[];
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function textKey(pos: Position, withBranch: boolean): string {
  const path = pos.listPath ? `${pos.listPath}[].${pos.path}` : pos.path;
  return withBranch && pos.branch !== undefined ? `${path}@${String(pos.branch)}` : path;
}

function fieldText(pos: Position) {
  const text = FIELD_TEXTS[textKey(pos, true)] ?? FIELD_TEXTS[textKey(pos, false)];
  if (!text) throw new FormDefinitionError('form/missing_text', `no label for form field '${textKey(pos, true)}'`);
  return text;
}

function optionLabel(pos: Position, value: string): LocalizedText {
  const label = OPTION_LABELS[pos.path]?.[value];
  if (!label) throw new FormDefinitionError('form/missing_text', `no label for option '${value}' of '${pos.path}'`);
  return label;
}

function lengthBounds(schema: z.ZodType): { min?: number; max?: number } {
  const bounds: { min?: number; max?: number } = {};
  for (const check of schema.def.checks ?? []) {
    const def = check._zod.def as { check: string; minimum?: number; maximum?: number };
    if (def.check === 'min_length') bounds.min = def.minimum;
    if (def.check === 'max_length') bounds.max = def.maximum;
  }
  return bounds;
}

function baseField(pos: Position, type: FormField['type']): FormField {
  const text = fieldText(pos);
  return {
    id: textKey(pos, true),
    path: pos.path,
    type,
    label: text.label,
    ...(text.help ? { help: text.help } : {}),
    required: pos.required,
    ...(pos.conditions.length ? { visibleWhen: pos.conditions } : {}),
  };
}

function enumOptions(pos: Position, values: readonly string[]): FormOption[] {
  return values.map((value) => ({ value, label: optionLabel(pos, value) }));
}

function describeUnion(schema: z.ZodDiscriminatedUnion, pos: Position): FormField[] {
  const discriminator = schema.def.discriminator;
  const branches = schema.options as z.ZodObject[];
  const valueOf = (branch: z.ZodObject): string | boolean => (branch.shape[discriminator] as z.ZodLiteral<string | boolean>).value;
  const values = branches.map(valueOf);
  const selectorPos = { ...pos, path: join(pos.path, discriminator) };
  const selector: FormField = values.every((v) => typeof v === 'boolean')
    ? { ...baseField(selectorPos, 'boolean'), options: values.map((v) => ({ value: v, label: BOOLEAN_LABELS[String(v) as 'true' | 'false'] })) }
    : { ...baseField(selectorPos, 'select'), options: enumOptions(selectorPos, values as string[]) };
  const branchFields = branches.flatMap((branch) => {
    const value = valueOf(branch);
    const conditions = [...pos.conditions, { path: selectorPos.path, equals: value }];
    return Object.entries(branch.shape)
      .filter(([key]) => key !== discriminator)
      .flatMap(([key, child]) => describe(child, { ...pos, path: join(pos.path, key), branch: value, conditions }));
  });
  return [selector, ...branchFields];
}

function describeArray(schema: z.ZodArray, pos: Position): FormField[] {
  const { min, max } = lengthBounds(schema);
  const bounds = { ...(min !== undefined ? { minItems: min } : {}), ...(max !== undefined ? { maxItems: max } : {}) };
  const element = schema.element;
  if (element instanceof z.ZodEnum) {
    const exclusive = fieldMeta.get(schema)?.exclusiveOptions;
    return [
      {
        ...baseField(pos, 'multiselect'),
        options: enumOptions(pos, element.options as string[]),
        ...(exclusive ? { exclusiveOptions: [...exclusive] } : {}),
        ...bounds,
      },
    ];
  }
  if (element instanceof z.ZodObject) {
    const itemFields = describe(element, { path: '', listPath: pos.path, required: true, conditions: [] });
    return [{ ...baseField(pos, 'list'), ...bounds, itemFields }];
  }
  throw new FormDefinitionError('form/unsupported_schema', `cannot describe the list at '${pos.path}'`);
}

function describe(schema: z.ZodType, pos: Position): FormField[] {
  if (schema instanceof z.ZodOptional) return describe(schema.unwrap() as z.ZodType, { ...pos, required: false });
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape).flatMap(([key, child]) => describe(child, { ...pos, path: join(pos.path, key) }));
  }
  if (schema instanceof z.ZodDiscriminatedUnion) return describeUnion(schema, pos);
  if (schema instanceof z.ZodArray) return describeArray(schema, pos);
  const meta = fieldMeta.get(schema) ?? {};
  if (schema instanceof z.ZodEnum) return [{ ...baseField(pos, 'select'), options: enumOptions(pos, schema.options as string[]) }];
  if (schema instanceof z.ZodBoolean) return [baseField(pos, 'boolean')];
  if (schema instanceof z.ZodNumber) {
    return [
      {
        ...baseField(pos, 'number'),
        ...(schema.minValue !== null ? { min: schema.minValue } : {}),
        ...(schema.maxValue !== null ? { max: schema.maxValue } : {}),
        ...(meta.step !== undefined ? { step: meta.step } : {}),
        ...(meta.unit !== undefined ? { unit: meta.unit } : {}),
      },
    ];
  }
  if (schema instanceof z.ZodString) {
    return [{ ...baseField(pos, meta.input ?? 'text'), ...(schema.maxLength !== null ? { maxLength: schema.maxLength } : {}) }];
  }
  throw new FormDefinitionError('form/unsupported_schema', `cannot describe the field at '${pos.path}'`);
}

/** Options of {@link buildFormDescriptor}. */
export interface BuildFormDescriptorOptions {
  /** A published form version (default: the current one). */
  version?: string;
}

/**
 * Describes a form version for hosts to render: its sections and fields in
 * order, with types, labels and help in every locale, options, required flags
 * and visibility conditions, all derived from the declaration schemas.
 * Throws `FormVersionError` for an unknown version.
 */
export function buildFormDescriptor(opts: BuildFormDescriptorOptions = {}): FormDescriptor {
  const version = getFormVersion(opts.version);
  // Building only reads the schemas' structure: the clock is never consulted.
  const ctx: SchemaContext = { now: () => new Date(0), windowDays: DECLARATION_WINDOW_DAYS };
  return {
    descriptorFormat: 1,
    version: version.version,
    publishedAt: version.publishedAt,
    title: FORM_TITLE,
    windowDays: DECLARATION_WINDOW_DAYS,
    sections: version.sections.map((section) => ({
      id: section.id,
      title: SECTION_TITLES[section.id],
      fields: section.keys.flatMap((key) =>
        describe(declarationParts[key](ctx), { path: key, required: true, conditions: [] }),
      ),
    })),
  };
}
