interface RandomSource {
  getRandomValues?(array: Uint8Array): Uint8Array;
}

/**
 * A 128-bit random identifier in hex, used as an idempotency key. Uses the platform's
 * CSPRNG where there is one (browsers, Node, newer mini-program runtimes); uniqueness,
 * not secrecy, is what matters here, so `Math.random` is an acceptable fallback on
 * hosts without it.
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  const source = (globalThis as { crypto?: RandomSource }).crypto;
  if (source?.getRandomValues) source.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
