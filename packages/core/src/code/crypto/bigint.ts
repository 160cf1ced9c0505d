/**
 * Whether the engine has BigInt, detected at run time: some mini-program engines lack it, and
 * code that only calls `BigInt(…)` (never a `1n` literal, a parse error there) can ask first.
 */
export function hasBigInt(): boolean {
  const big = (globalThis as unknown as { BigInt?: (value: number) => unknown }).BigInt;
  try {
    return typeof big === 'function' && typeof big(1) === 'bigint';
  } catch {
    return false;
  }
}
