/**
 * Runs `purge` every `intervalMs` (never when 0) on a timer that does not keep the
 * process alive; a purge still running when the next is due is not doubled.
 */
export function startHousekeeping(intervalMs: number, purge: () => Promise<void>, onError: (error: unknown) => void): { stop(): void } {
  if (intervalMs === 0) return { stop() {} };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    purge()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
