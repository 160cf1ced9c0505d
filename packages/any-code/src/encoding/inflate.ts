import { inflateSync, unzlibSync } from 'fflate';

/** Largest decompressed certificate accepted; real ones are a few kilobytes (DEFLATE bomb defence). */
export const MAX_INFLATED_BYTES = 64 * 1024;

// fflate writes into a buffer of the given size and fails beyond it, so the bound costs nothing.
const scratch = () => new Uint8Array(MAX_INFLATED_BYTES);

function bounded(run: (out: Uint8Array) => Uint8Array): Uint8Array | undefined {
  try {
    const out = run(scratch());
    return out.length < MAX_INFLATED_BYTES ? out.slice() : undefined;
  } catch {
    return undefined;
  }
}

/** Inflates a zlib stream (RFC 1950, as EU DCCs use); `undefined` when invalid or too large. */
export const unzlib = (data: Uint8Array) => bounded((out) => unzlibSync(data, { out }));

/** Inflates raw DEFLATE (RFC 1951, as SMART Health Cards use); `undefined` when invalid or too large. */
export const inflateRaw = (data: Uint8Array) => bounded((out) => inflateSync(data, { out }));
