// msw's types lean on the DOM lib's Request, Response and URL, which this package's
// platform-neutral tsconfig does not load. These are the few members the handlers use.

/** The parts of a Fetch API `Request` the handlers read. */
export interface FetchRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Iterable<[string, string]>;
  text(): Promise<string>;
}

/** The parts of a WHATWG `URL` the handlers read. */
export interface WebUrl {
  readonly pathname: string;
  readonly searchParams: Iterable<[string, string]>;
}

/** The platform's `URL` constructor (Node 20, browsers). */
export const WebUrl = (globalThis as unknown as { URL: new (input: string) => WebUrl }).URL;
