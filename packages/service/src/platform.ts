// The service runs wherever its transports do (Node 20, browsers under msw), all of which
// have these WHATWG globals; declaring the few members used keeps this package free of the
// DOM lib, so any project that type-checks it can keep its own platform's typings.

interface StrictUtf8Decoder {
  decode(bytes: Uint8Array): string;
}

type SearchParams = Iterable<[string, string]>;

const platform = globalThis as unknown as {
  TextDecoder: new (label: 'utf-8', options: { fatal: true }) => StrictUtf8Decoder;
  URLSearchParams: new (init: string) => SearchParams;
  performance: { now(): number };
};

let decoder: StrictUtf8Decoder | undefined;
/**
 * The one UTF-8 decoder that throws on malformed input instead of inserting U+FFFD; made on
 * first use (not at import, and not per request: every request body goes through it).
 */
export const strictUtf8 = (): StrictUtf8Decoder => (decoder ??= new platform.TextDecoder('utf-8', { fatal: true }));

/** The pairs of a query string (without `?`), in order. */
export const searchParams = (query: string): SearchParams => new platform.URLSearchParams(query);

/** A monotonic clock in milliseconds, for durations. */
export const monotonicMs = (): number => platform.performance.now();
