/** A language the forms, issues and assessment reasons are written in. */
export type Locale = 'zh-CN' | 'en' | 'zh-HK';

/** Every supported locale; `zh-CN` is the default. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en', 'zh-HK'];

/** The locale used when a caller names none. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** One text in every supported locale. */
export type LocalisedText = Record<Locale, string>;

/** True when `value` is one of {@link LOCALES}. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Replaces `{name}` placeholders in every locale's text with `params[name]`. */
export function formatText(text: LocalisedText, params: Readonly<Record<string, string | number>> = {}): LocalisedText {
  const fill = (s: string): string => s.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
  return { 'zh-CN': fill(text['zh-CN']), en: fill(text.en), 'zh-HK': fill(text['zh-HK']) };
}

/** One text written in each locale, in the order zh-CN, en, zh-HK. */
export function localized(zhCN: string, en: string, zhHK: string): LocalisedText {
  return { 'zh-CN': zhCN, en, 'zh-HK': zhHK };
}
