import { iso31661 } from 'iso-3166';

const ALPHA3: ReadonlySet<string> = new Set(iso31661.map((c) => c.alpha3));

/** True for an assigned ISO 3166-1 alpha-3 country code, upper case (`CHN`, `GBR`). */
export function isCountryAlpha3(code: string): boolean {
  return ALPHA3.has(code);
}
