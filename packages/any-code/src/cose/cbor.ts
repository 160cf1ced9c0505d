import { utf8Decode } from '@healthcode/core/code';

// A strict CBOR (RFC 8949) reader for the structures COSE and CWT use. It is written here because
// the maintained npm decoders do not fit this package: cborg and tiny-cbor construct a TextDecoder
// when loaded (mini-program engines have none) and cborg ships no CommonJS; cbor-x needs a native
// build step. Refused as malformed: indefinite lengths, tags other than COSE_Sign1 (18) and CWT
// (61), `undefined` and other simple values, integers beyond 2^53, non-text non-integer map keys,
// duplicate map keys, nesting deeper than MAX_DEPTH and bytes after the item.

/** A decoded CBOR item: maps become `Map`s, byte strings `Uint8Array`s. */
export type CborValue = number | string | boolean | null | Uint8Array | CborValue[] | Map<number | string, CborValue>;

const MAX_DEPTH = 16;
const PASS_THROUGH_TAGS = new Set([18, 61]);

class Malformed extends Error {}

class Reader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.pos === this.bytes.length;
  }

  private take(n: number): number {
    if (n > this.bytes.length - this.pos) throw new Malformed();
    const at = this.pos;
    this.pos += n;
    return at;
  }

  /** The argument of a head: the value itself for info < 24, else the 1, 2, 4 or 8 bytes after it. */
  private argument(info: number): number {
    if (info < 24) return info;
    if (info === 24) return this.view.getUint8(this.take(1));
    if (info === 25) return this.view.getUint16(this.take(2));
    if (info === 26) return this.view.getUint32(this.take(4));
    if (info === 27) {
      const at = this.take(8);
      const value = this.view.getUint32(at) * 2 ** 32 + this.view.getUint32(at + 4);
      if (value > Number.MAX_SAFE_INTEGER) throw new Malformed();
      return value;
    }
    throw new Malformed();
  }

  private simple(info: number): CborValue {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    if (info === 25) return float16(this.view.getUint16(this.take(2)));
    if (info === 26) return this.view.getFloat32(this.take(4));
    if (info === 27) return this.view.getFloat64(this.take(8));
    throw new Malformed();
  }

  item(depth = 0): CborValue {
    if (depth > MAX_DEPTH) throw new Malformed();
    const initial = this.view.getUint8(this.take(1));
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (major === 7) return this.simple(info);
    const arg = this.argument(info);
    switch (major) {
      case 0:
        return arg;
      case 1:
        return -1 - arg;
      case 2:
        return this.bytes.slice(this.take(arg), this.pos);
      case 3: {
        const text = utf8Decode(this.bytes.subarray(this.take(arg), this.pos));
        if (text === undefined) throw new Malformed();
        return text;
      }
      case 4: {
        if (arg > this.bytes.length - this.pos) throw new Malformed();
        return Array.from({ length: arg }, () => this.item(depth + 1));
      }
      case 5: {
        if (arg > this.bytes.length - this.pos) throw new Malformed();
        const map = new Map<number | string, CborValue>();
        for (let i = 0; i < arg; i++) {
          const key = this.item(depth + 1);
          if ((typeof key !== 'number' && typeof key !== 'string') || map.has(key)) throw new Malformed();
          map.set(key, this.item(depth + 1));
        }
        return map;
      }
      default:
        if (!PASS_THROUGH_TAGS.has(arg)) throw new Malformed();
        return this.item(depth + 1);
    }
  }
}

/** IEEE 754 half precision, which CBOR encoders may pick for small floats. */
function float16(half: number): number {
  const exponent = (half >> 10) & 0x1f;
  const fraction = half & 0x3ff;
  const sign = half & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** Decodes exactly one CBOR item; `undefined` when the bytes are not one well-formed item this reader accepts. */
export function decodeCbor(bytes: Uint8Array): CborValue | undefined {
  try {
    const reader = new Reader(bytes);
    const value = reader.item();
    return reader.done ? value : undefined;
  } catch (err) {
    if (err instanceof Malformed || err instanceof RangeError) return undefined;
    throw err;
  }
}

/** The head of a definite-length item of `major` type. */
function head(major: number, length: number): number[] {
  if (length < 24) return [(major << 5) | length];
  if (length < 0x100) return [(major << 5) | 24, length];
  if (length < 0x10000) return [(major << 5) | 25, length >> 8, length & 0xff];
  return [(major << 5) | 26, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];
}

/** Encodes an array of ASCII text and byte strings, which is all a COSE Sig_structure holds. */
export function encodeCborArray(items: ReadonlyArray<string | Uint8Array>): Uint8Array {
  const parts: number[] = head(4, items.length);
  for (const item of items) {
    if (typeof item === 'string') parts.push(...head(3, item.length), ...Array.from(item, (c) => c.charCodeAt(0)));
    else parts.push(...head(2, item.length), ...item);
  }
  return Uint8Array.from(parts);
}

/** A CBOR map's value at `key`, or `undefined` when `map` is no map. */
export const entry = (map: unknown, key: number | string): unknown => (map instanceof Map ? map.get(key) : undefined);

/**
 * A CBOR value as JSON data (maps with text keys become objects), or `undefined` when it holds
 * something JSON cannot (byte strings, integer keys, non-finite numbers): how HCERT and NZCP `vc`
 * payloads are read.
 */
export function cborToJson(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items = value.map(cborToJson);
    return items.includes(undefined) ? undefined : items;
  }
  if (!(value instanceof Map)) return undefined;
  const entries: Array<[string, unknown]> = [];
  for (const [key, item] of value) {
    const json = cborToJson(item);
    if (typeof key !== 'string' || json === undefined) return undefined;
    entries.push([key, json]);
  }
  // fromEntries defines own properties, so a `__proto__` key stays data instead of a prototype.
  return Object.fromEntries(entries);
}
