import { decode, type TagDecoder } from 'cborg';

const passThrough: TagDecoder = (inner) => inner();

// Tag 18 marks a COSE_Sign1 (RFC 9052), tag 61 a CWT (RFC 8392); both wrap the structure unchanged.
// Any other tag, duplicate map keys, undefined and trailing bytes make the input malformed.
const OPTIONS = { useMaps: true, rejectDuplicateMapKeys: true, allowUndefined: false, tags: { 18: passThrough, 61: passThrough } };

/** Decodes one CBOR item with cborg, maps as `Map`s; `undefined` for anything cborg refuses. */
export function decodeCbor(bytes: Uint8Array): unknown {
  try {
    return decode(bytes, OPTIONS);
  } catch {
    return undefined;
  }
}

/** A CBOR map's value at `key`, or `undefined` when `map` is no map. */
export const entry = (map: unknown, key: number | string): unknown => (map instanceof Map ? map.get(key) : undefined);

/**
 * A CBOR value as JSON data (maps with text keys become objects), or `undefined` when it holds
 * something JSON cannot (byte strings, non-text keys, BigInts): how HCERT and NZCP `vc` payloads are read.
 */
export function cborToJson(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items = value.map(cborToJson);
    return items.includes(undefined) ? undefined : items;
  }
  if (!(value instanceof Map)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, item] of value) {
    const json = cborToJson(item);
    if (typeof key !== 'string' || json === undefined) return undefined;
    out[key] = json;
  }
  return out;
}
