import { utf8Encode } from '../jws/utf8.js';

/**
 * The preset DEFLATE dictionary of frame version 1 (see docs/code-format.md): the JSON that every
 * code repeats (header members, claim names, common values), so that only the per-code values cost
 * bytes. Part of the format: changing one byte breaks every existing code.
 */
export const FRAME_DICTIONARY_TEXT =
  '{"alg":"RS256","typ":"HC1","kid":"{"alg":"PS256","typ":"HC1","kid":"' +
  '"st":"r","st":"y","nm":"*","rg":"310000","dt":"' +
  '{"alg":"ES256","typ":"HC1","kid":"' +
  '"}{"iss":"","sub":"","st":"g","iat":17,"exp":17,"nm":"","dt":"","rg":"","jti":""}';

/** {@link FRAME_DICTIONARY_TEXT} as bytes (ASCII). */
export const FRAME_DICTIONARY: Uint8Array = utf8Encode(FRAME_DICTIONARY_TEXT);
