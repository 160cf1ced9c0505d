/**
 * Masks a name for display: a Chinese name keeps its first character and,
 * from three characters on, its last (张三 -> 张*, 张三丰 -> 张*丰,
 * 欧阳娜娜 -> 欧**娜); a name written in words keeps each word's first letter
 * (John Smith -> J*** S****). Characters are counted as code points, so names
 * with supplementary-plane characters are masked correctly.
 */
export function maskName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.includes(' ')) return trimmed.split(' ').map(maskWord).join(' ');
  const chars = Array.from(trimmed);
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

function maskWord(word: string): string {
  const chars = Array.from(word);
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(0, chars.length - 1))}`;
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
