/**
 * GB/T 2260 administrative division codes: six digits, two for the province,
 * two for the prefecture, two for the county. Only the shape is checked (the
 * full list changes every year and is the service's business): the province
 * must exist and the digits must be well nested.
 */

/** The two-digit province-level prefixes of GB/T 2260. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** Taiwan, Hong Kong and Macao have a province-level code only (`710000`, `810000`, `820000`). */
const UNDIVIDED_PROVINCES: ReadonlySet<string> = new Set(['71', '81', '82']);

/** True for a six-digit code of any level with a known province and no county part under a missing prefecture. */
export function isRegionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code) || !PROVINCE_CODES.has(code.slice(0, 2))) return false;
  if (UNDIVIDED_PROVINCES.has(code.slice(0, 2))) return code.slice(2) === '0000';
  return !(code.slice(2, 4) === '00' && code.slice(4) !== '00');
}

/** True for a code that names a county-level division (or one of the undivided regions), where a person can live. */
export function isDistrictCode(code: string): boolean {
  if (!isRegionCode(code)) return false;
  return UNDIVIDED_PROVINCES.has(code.slice(0, 2)) || code.slice(4) !== '00';
}

/** The significant prefix of a code: `420000` -> `42`, `420100` -> `4201`, `420106` -> `420106`. */
function significantPrefix(code: string): string {
  return code.replace(/(00)+$/, '');
}

/**
 * True when one region lies within the other (or they are the same). Used to
 * match a visit against a risk area; a visit reported at a coarser level than
 * the area (a city, for a high-risk district) matches too: coarse answers are
 * treated conservatively.
 */
export function regionsOverlap(a: string, b: string): boolean {
  const pa = significantPrefix(a);
  const pb = significantPrefix(b);
  return pa.startsWith(pb) || pb.startsWith(pa);
}
