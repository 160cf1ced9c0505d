// msw's types lean on the DOM lib's Request, which this package's platform-neutral
// tsconfig does not load. These are the few members the handlers use.

/** The parts of a Fetch API `Request` the handlers read. */
export interface FetchRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Iterable<[string, string]>;
  arrayBuffer(): Promise<ArrayBuffer>;
}
