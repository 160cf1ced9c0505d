// Core's lib is plain ES2022, which has no timer declarations; every runtime we run in
// (mini-programs, browsers, Node) has these two on the global object.
interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const timers = globalThis as unknown as Timers;

/** Schedules `callback` after `ms` milliseconds; returns a function that cancels it. */
export function schedule(callback: () => void, ms: number): () => void {
  const handle = timers.setTimeout(callback, ms);
  return () => timers.clearTimeout(handle);
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    schedule(resolve, ms);
  });
}

/**
 * Settles like `promise`, or rejects with `onTimeout()` when `ms` passes first. The
 * underlying operation is not cancelled: hosts give no way to do that for most calls.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = schedule(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error);
      },
    );
  });
}
