import { LOCALES, type Locale, type LocalisedText } from '../locale.js';
import type { FormDescriptor } from './descriptor.js';

/** `T` with every {@link LocalisedText} replaced by the plain string of one locale. */
export type Localised<T> = T extends LocalisedText
  ? string
  : T extends readonly (infer U)[]
    ? Localised<U>[]
    : T extends object
      ? { [K in keyof T]: Localised<T[K]> }
      : T;

/** A form descriptor whose texts are in one locale only. */
export type LocalisedFormDescriptor = Localised<FormDescriptor> & { locale: Locale };

function isLocalizedText(value: object): value is LocalisedText {
  const keys = Object.keys(value);
  return keys.length === LOCALES.length && LOCALES.every((l) => typeof (value as Record<string, unknown>)[l] === 'string');
}

function pick(value: unknown, locale: Locale): unknown {
  if (Array.isArray(value)) return value.map((v) => pick(v, locale));
  if (value === null || typeof value !== 'object') return value;
  if (isLocalizedText(value)) return value[locale];
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pick(v, locale)]));
}

/** Keeps only `locale`'s strings of a descriptor, for hosts that render one language. */
export function localiseFormDescriptor(descriptor: FormDescriptor, locale: Locale): LocalisedFormDescriptor {
  return { ...(pick(descriptor, locale) as Localised<FormDescriptor>), locale };
}
