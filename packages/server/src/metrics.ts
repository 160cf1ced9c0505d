import client from 'prom-client';
import type { StoredCode } from '@healthcode/service';
import type { Storage } from './storage/storage.js';

/** Prometheus metrics of one server process (prom-client); see docs/scaling.md for what each means. */
export interface ServerMetrics {
  readonly registry: client.Registry;
  /** Counts and times one answer of a service route. */
  observeAnswer(route: { method: string; path: string }, status: number, seconds: number): void;
  /** `storage`, with every call timed and its failures and the codes it stores counted. */
  instrument(storage: Storage): Storage;
  /** Counts a request being served (a queue depth: requests in flight). */
  inFlight: client.Gauge;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** A registry with the process's default metrics (CPU, memory, event-loop lag) and the service's. */
export function createMetrics(): ServerMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const requests = new client.Counter({
    name: 'healthcode_http_requests_total',
    help: 'Answers by route and status',
    labelNames: ['method', 'route', 'status'],
    registers,
  });
  const latency = new client.Histogram({
    name: 'healthcode_http_request_duration_seconds',
    help: 'Time to answer, by route',
    labelNames: ['method', 'route'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const codes = new client.Counter({
    name: 'healthcode_codes_issued_total',
    help: 'Codes stored, by why (declaration or renewal)',
    labelNames: ['reason'],
    registers,
  });
  const storeErrors = new client.Counter({
    name: 'healthcode_store_errors_total',
    help: 'Store calls that failed, by operation',
    labelNames: ['operation'],
    registers,
  });
  const storeLatency = new client.Histogram({
    name: 'healthcode_store_duration_seconds',
    help: 'Time of store calls, by operation',
    labelNames: ['operation'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const inFlight = new client.Gauge({ name: 'healthcode_requests_in_flight', help: 'Requests being served (queue depth)', registers });

  // Which results store a new code: a committed declaration, a renewal that won.
  const issued: Record<string, (result: unknown, args: unknown[]) => string | undefined> = {
    commitDeclaration: (result) => (result === true ? 'declaration' : undefined),
    renewCode: (result, [code]) => ((result as StoredCode).codeId === (code as StoredCode).codeId ? 'renewal' : undefined),
  };

  return {
    registry,
    inFlight,
    observeAnswer(route, status, seconds) {
      requests.inc({ method: route.method, route: route.path, status });
      latency.observe({ method: route.method, route: route.path }, seconds);
    },
    instrument(storage) {
      const wrapped: Record<string, unknown> = { ...storage };
      for (const [operation, member] of Object.entries(storage)) {
        if (typeof member !== 'function' || operation === 'close') continue;
        wrapped[operation] = async (...args: unknown[]) => {
          const stop = storeLatency.startTimer({ operation });
          try {
            const result: unknown = await (member as (...a: unknown[]) => Promise<unknown>).apply(storage, args);
            const reason = issued[operation]?.(result, args);
            if (reason) codes.inc({ reason });
            return result;
          } catch (error) {
            storeErrors.inc({ operation });
            throw error;
          } finally {
            stop();
          }
        };
      }
      return wrapped as unknown as Storage;
    },
  };
}

let aggregator: client.AggregatorRegistry<client.PrometheusContentType> | undefined;

/** The text exposition of every worker's metrics, summed (called in the primary of `--workers N`). */
export function clusterMetrics(): Promise<string> {
  aggregator ??= new client.AggregatorRegistry();
  return aggregator.clusterMetrics();
}

/** Lets the primary's {@link clusterMetrics} read this worker's registry. */
export function shareWithPrimary(registry: client.Registry): void {
  client.AggregatorRegistry.setRegistries([registry]);
  // Constructing one is what makes prom-client answer the primary's requests in a worker.
  aggregator ??= new client.AggregatorRegistry();
}

/** Content type of the Prometheus text format. */
export const METRICS_CONTENT_TYPE = client.Registry.PROMETHEUS_CONTENT_TYPE;
