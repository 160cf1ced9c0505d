/**
 * Calendar days of the city. Every date in a declaration is a calendar date in
 * Asia/Shanghai (UTC+8 all year, no daylight saving), written `YYYY-MM-DD`;
 * "today" is the city's date at the declaration time, whatever the device's zone.
 */

/** Offset of the city's civil time from UTC, in minutes (Asia/Shanghai). */
export const CITY_UTC_OFFSET_MINUTES = 480;

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The city's calendar date at instant `at`. */
export function cityDate(at: Date): IsoDate {
  return new Date(at.getTime() + CITY_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** The instant the city's calendar day `date` begins (00:00 in Asia/Shanghai). */
export function cityDayStart(date: IsoDate): Date {
  return new Date(dayNumber(date) * MS_PER_DAY - CITY_UTC_OFFSET_MINUTES * 60_000);
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True when year, month (1-12) and day form a real date of the proleptic Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; day arithmetic is done on these numbers. */
function dayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / MS_PER_DAY;
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * First day of a look-back window of `days` days that ends on `today`: day 1 of
 * the window is `today`, day `days` is the returned date.
 */
export function windowStart(today: IsoDate, days: number): IsoDate {
  return addDays(today, -(days - 1));
}
