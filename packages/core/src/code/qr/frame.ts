import { deflateSync, inflateSync } from 'fflate';
import { FRAME_DICTIONARY } from './dictionary.js';

/** The only frame version defined so far. */
export const FRAME_VERSION = 1;
/** Largest header + payload a frame may inflate to; bounds memory against DEFLATE bombs. */
export const MAX_INFLATED_BYTES = 4096;
const FIXED = 5;

/** What a frame carries: the decoded JWS header, payload and signature bytes. */
export interface FrameParts {
  header: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}

// Inflation is synchronous and callers copy what they keep, so one scratch buffer serves every call
// (one allocation fewer per verification).
const scratch = new Uint8Array(MAX_INFLATED_BYTES + 1);

function inflate(data: Uint8Array): Uint8Array | undefined {
  try {
    const out = inflateSync(data, { dictionary: FRAME_DICTIONARY, out: scratch });
    return out.length > MAX_INFLATED_BYTES ? undefined : out;
  } catch {
    return undefined;
  }
}

/**
 * Packs JWS parts into a binary frame:
 * `version(1) ‖ sigLen(2, BE) ‖ headerLen(2, BE) ‖ signature ‖ rawDEFLATE(header ‖ payload)`.
 */
export function encodeFrame({ header, payload, signature }: FrameParts): Uint8Array {
  const body = new Uint8Array(header.length + payload.length);
  body.set(header);
  body.set(payload, header.length);
  const compressed = deflateSync(body, { level: 9, mem: 4, dictionary: FRAME_DICTIONARY });
  const frame = new Uint8Array(FIXED + signature.length + compressed.length);
  frame.set([FRAME_VERSION, signature.length >> 8, signature.length & 0xff, header.length >> 8, header.length & 0xff]);
  frame.set(signature, FIXED);
  frame.set(compressed, FIXED + signature.length);
  return frame;
}

/**
 * Unpacks a frame into fresh arrays (`frame` may be reused once this returns). Returns `undefined` for an unknown version, inconsistent lengths, or a DEFLATE
 * stream that is invalid or too large once inflated. Bytes after the end of the DEFLATE stream are
 * not detected (fflate does not report where the stream ended); they cannot change the JWS, which is
 * what the signature covers.
 */
export function decodeFrame(frame: Uint8Array): FrameParts | undefined {
  if (frame.length < FIXED + 2 || frame[0] !== FRAME_VERSION) return undefined;
  const sigLen = (frame[1]! << 8) | frame[2]!;
  const headerLen = (frame[3]! << 8) | frame[4]!;
  const compressed = frame.subarray(FIXED + sigLen);
  if (sigLen === 0 || headerLen === 0 || compressed.length === 0) return undefined;
  const body = inflate(compressed);
  if (!body || body.length < headerLen) return undefined;
  return { header: body.slice(0, headerLen), payload: body.slice(headerLen), signature: frame.slice(FIXED, FIXED + sigLen) };
}
