import { MAX_MASKED_NAME_LENGTH } from '../code/claims.js';

/**
 * Masks a name for display: a Chinese name keeps its first character and,
 * from three characters on, its last (张三 -> 张*, 张三丰 -> 张*丰,
 * 欧阳娜娜 -> 欧**娜); a name written in words keeps each word's first letter
 * (John Smith -> J*** S****). Characters are counted as code points, so names
 * with supplementary-plane characters are masked correctly.
 */
export function maskName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const masked = trimmed.includes(' ') ? trimmed.split(' ').map(maskWord).join(' ') : maskRun(Array.from(trimmed));
  return masked.length <= MAX_MASKED_NAME_LENGTH ? masked : shorten(trimmed);
}

function maskRun(chars: string[]): string {
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

// A lone letter is the whole word: hide it rather than show an initial that is the word itself.
function maskWord(word: string): string {
  const chars = Array.from(word);
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

// Codes carry at most MAX_MASKED_NAME_LENGTH units: long names keep their initials, and
// the stars no longer count the hidden letters.
function shorten(trimmed: string): string {
  const initials = trimmed.includes(' ')
    ? trimmed
        .split(' ')
        .map((w) => `${Array.from(w)[0]}*`)
        .join(' ')
    : `${Array.from(trimmed)[0]}*`;
  return initials.length <= MAX_MASKED_NAME_LENGTH ? initials : `${initials.slice(0, MAX_MASKED_NAME_LENGTH - 1)}*`;
}

/**
 * The last four characters of a document number for display, upper case and
 * without spaces. Never more than half of the number: a short number shows
 * fewer characters, so it is never disclosed whole.
 */
export function documentTail(idNumber: string): string {
  const chars = Array.from(idNumber.replace(/\s+/g, '').toUpperCase());
  return chars.slice(chars.length - Math.min(4, Math.floor(chars.length / 2))).join('');
}
