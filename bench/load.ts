// The load generator of `pnpm bench:server`, in its own process so that its CPU is not the
// server's: reads a plan (JSON file named by argv[2]: target, connections, and the requests
// to send, each once in turn), drives autocannon and prints the result as one JSON line.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** One request of a plan. */
export interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the load process is told to do. */
export interface LoadPlan {
  url: string;
  connections: number;
  /** Send each request of `requests` once (`amount`), or cycle through them for `durationSeconds`. */
  durationSeconds?: number;
  requests: PlannedRequest[];
}

/** What the load process reports. */
export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as LoadPlan;
let next = 0;
const started = performance.now();
const result = await autocannon({
  url: plan.url,
  connections: plan.connections,
  ...(plan.durationSeconds === undefined ? { amount: plan.requests.length } : { duration: plan.durationSeconds }),
  requests: [
    {
      setupRequest(request) {
        const planned = plan.requests[next++ % plan.requests.length] as PlannedRequest;
        return { ...request, method: planned.method, path: planned.path, headers: planned.headers, body: planned.body };
      },
    },
  ],
});
const seconds = (performance.now() - started) / 1000;
const report: LoadResult = {
  requests: result.requests.total,
  seconds,
  rps: result.requests.total / seconds,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  errors: result.errors + result.timeouts + result.non2xx,
};
console.log(JSON.stringify(report));
