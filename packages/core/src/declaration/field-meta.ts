import * as z from 'zod';

/** How a host should render a text answer; defaults to free text. */
export type TextInput = 'text' | 'date' | 'phone' | 'region' | 'district' | 'country';

/** Presentation hints attached to a schema node, read when the form descriptor is built. */
export interface FieldMeta {
  input?: TextInput;
  /** Unit shown after a number, e.g. `°C`. */
  unit?: string;
  /** Granularity of a number input. */
  step?: number;
  /** Options of a multi-select that cannot be combined with any other (`none`). */
  exclusiveOptions?: readonly string[];
}

/** The registry the form builder reads; kept private to HealthCode (zod's global registry is shared). */
export const fieldMeta = z.registry<FieldMeta>();

/** Attaches presentation hints to `schema` and returns it (register last: refinements clone schemas). */
export function withMeta<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  fieldMeta.add(schema, meta);
  return schema;
}
