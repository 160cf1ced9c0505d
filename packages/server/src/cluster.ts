import cluster, { type Worker } from 'node:cluster';

/** Options of {@link runWorkers}. */
export interface WorkersOptions {
  /** How many worker processes serve (each runs the whole server on the shared port). */
  count: number;
  log: (message: string, fields?: Record<string, unknown>) => void;
  /** Answers a worker's request to the primary (e.g. cluster-wide metrics); see `askPrimary`. */
  onRequest?: (kind: string) => Promise<unknown>;
}

interface PrimaryRequest {
  healthcode: 'request';
  id: number;
  kind: string;
}
interface PrimaryAnswer {
  healthcode: 'answer';
  id: number;
  value?: unknown;
  error?: string;
}

/**
 * The primary process of `--workers N`: forks the workers (node:cluster shares the
 * listening port among them), forks a new one when one dies, and on SIGTERM or SIGINT
 * passes the signal to every worker, each of which drains its requests and closes its
 * store; the primary exits when the last one has.
 */
export function runWorkers(options: WorkersOptions): void {
  let stopping = false;
  let failed = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < options.count; i++) fork();

  cluster.on('message', (worker: Worker, message: PrimaryRequest) => {
    if (message?.healthcode !== 'request' || !options.onRequest) return;
    const answer = (reply: Omit<PrimaryAnswer, 'healthcode' | 'id'>) => worker.send({ healthcode: 'answer', id: message.id, ...reply });
    options.onRequest(message.kind).then(
      (value) => answer({ value }),
      (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (code !== 0) failed = true;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    options.log('worker died; starting another', { pid: worker.process.pid, code, signal });
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    options.log('shutting down workers', { signal });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

let nextRequest = 0;
const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

/** In a worker of {@link runWorkers}: asks the primary for `kind` (its `onRequest` answers). */
export function askPrimary(kind: string): Promise<unknown> {
  if (!process.send) return Promise.reject(new Error('not a cluster worker'));
  if (waiting.size === 0) process.on('message', onAnswer);
  const id = ++nextRequest;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    process.send?.({ healthcode: 'request', id, kind } satisfies PrimaryRequest);
  });
}

function onAnswer(message: PrimaryAnswer): void {
  if (message?.healthcode !== 'answer') return;
  const pending = waiting.get(message.id);
  if (!pending) return;
  waiting.delete(message.id);
  if (waiting.size === 0) process.off('message', onAnswer);
  if (message.error === undefined) pending.resolve(message.value);
  else pending.reject(new Error(message.error));
}
