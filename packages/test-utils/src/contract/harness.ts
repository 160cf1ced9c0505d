/** The parts of `fetch` the contract suite uses (no DOM typings needed). */
export type ContractFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; text(): Promise<string> }>;

/** The clock the suite drives; the implementation under test must read time only from it. */
export interface ContractClock {
  now(): Date;
  /** Moves time forward by `seconds`. */
  advance(seconds: number): void;
}

/** What `setup` returns: a running service, how to reach it, and how to stop it. */
export interface ServiceUnderTest {
  /** e.g. `http://127.0.0.1:39123` or `https://health.test`. */
  baseUrl: string;
  fetch: ContractFetch;
  /** The operator bearer token the service was configured with. */
  operatorToken: string;
  /** The root public JWK the service signs its trust list with. */
  rootPublicKey: unknown;
  /** Lifetime of the codes it issues, in seconds. */
  codeTtlSeconds: number;
  teardown(): Promise<void>;
}

/** Options of {@link testServiceContract}. */
export interface ServiceContractOptions {
  /** Shown in the describe block, e.g. `msw handlers`. */
  name: string;
  /** Starts the service with the dev identity verifier and `clock.now` as its only clock. */
  setup(context: { now: () => Date }): Promise<ServiceUnderTest>;
}

/** A JSON answer: status and parsed body (`undefined` when it was not JSON). */
export interface JsonAnswer {
  status: number;
  // Tests read fields of answers freely; the contract's zod schemas check their shapes.
   
  body: any;
}

/** Sends one request: `body` as JSON unless `raw` (sent as given). */
export interface CallOptions {
  body?: unknown;
  raw?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** A tiny JSON caller bound to one service. */
export function caller(service: Pick<ServiceUnderTest, 'baseUrl' | 'fetch'>) {
  return async (method: string, path: string, options: CallOptions = {}): Promise<JsonAnswer> => {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await service.fetch(`${service.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed };
  };
}

/** The suite's clock: starts at `start`, moves only when told to. */
export function manualClock(start: Date): ContractClock {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advance(seconds) {
      at += seconds * 1000;
    },
  };
}
