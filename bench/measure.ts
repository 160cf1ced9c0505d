// Measuring a candidate against its baseline in the same process, in alternating rounds.

/** An operation and how many verifications one call performs. */
export interface Op {
  run: () => unknown;
  count: number;
}

/** Which clock a comparison uses: wall time, or this process's CPU time (immune to other processes). */
export type Clock = 'wall' | 'cpu';
const clocks: Record<Clock, () => number> = {
  wall: () => performance.now(),
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

/** Runs `op` back to back for about `ms` milliseconds of `clock`; returns verifications per second. */
export async function opsPerSecond(ms: number, op: Op, clock: Clock): Promise<number> {
  const read = clocks[clock];
  let n = 0;
  const start = read();
  let elapsed = 0;
  do {
    for (let i = 0; i < 4; i++) await op.run();
    n += 4 * op.count;
    elapsed = read() - start;
  } while (elapsed < ms);
  return (n * 1000) / elapsed;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Measures a candidate against its baseline in alternating rounds and reports medians, so that load
 * from other processes hits both sides alike (a shared CI box is noisy).
 */
export async function compare(label: string, baseline: Op, candidate: Op, rounds: number, ms: number, clock: Clock = 'wall') {
  await opsPerSecond(ms, baseline, clock);
  await opsPerSecond(ms, candidate, clock);
  const base: number[] = [];
  const cand: number[] = [];
  for (let r = 0; r < rounds; r++) {
    base.push(await opsPerSecond(ms, baseline, clock));
    cand.push(await opsPerSecond(ms, candidate, clock));
  }
  const result = { baseline: median(base), candidate: median(cand) };
  const ratio = result.candidate / result.baseline;
  const fmt = (x: number) => x.toFixed(x < 100 ? 1 : 0).padStart(8);
  console.log(`${label} [${clock} clock]: baseline ${fmt(result.baseline)} ops/s, candidate ${fmt(result.candidate)} ops/s, ratio ${ratio.toFixed(2)}`);
  return { ...result, ratio };
}

