import { ApiError } from '@healthcode/core/api';

/** Deepest nesting of arrays and objects a request body may have; the API's own bodies need 6. */
export const MAX_BODY_DEPTH = 32;

// C0 and C1 controls (NUL, CR, LF, ESC…), bidirectional overrides and isolates (U+202E turns
// "exe.txt" into "txt.exe" on screen) and lone surrogates (no UTF-8 form: a database stores
// U+FFFD instead, so what is kept would differ from what was acknowledged).
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses JSON text nested deeper than {@link MAX_BODY_DEPTH} before it is parsed, so no
 * later recursive walk (parsing, fingerprinting, validation) can run out of stack.
 */
export function assertJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_BODY_DEPTH) throw new ApiError('bad_request', `request body nested deeper than ${MAX_BODY_DEPTH} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/**
 * Refuses a parsed body any of whose strings (member names included) holds a control
 * character, a bidirectional control or a lone surrogate; `details.path` names the first.
 */
export function assertSafeText(body: unknown): void {
  const pending: Array<[unknown, string]> = [[body, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (UNSAFE_TEXT.test(value)) {
        throw new ApiError('bad_request', 'text may not contain control characters, bidirectional controls or lone surrogates', { details: { path } });
      }
    } else if (value && typeof value === 'object') {
      for (const [key, member] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        pending.push([key, at], [member, at]);
      }
    }
  }
}
