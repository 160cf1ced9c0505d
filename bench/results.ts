// Merges benchmark rows into bench/results.json by name, so each suite updates only its own rows.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), 'results.json');

/**
 * One figure in bench/results.json. `baseline` is the baseline's ops/s measured in the
 * same run and `ratio` is `opsPerSec / baseline` (higher is better), so every row reads
 * the same way whatever the suite.
 */
export interface BenchRow {
  name: string;
  opsPerSec: number;
  baseline: number | null;
  baselineName: string | null;
  ratio: number | null;
  [extra: string]: unknown;
}

/** Builds a row; `extra` carries suite-specific figures such as targets or latencies. */
export function benchRow<E extends Record<string, unknown> = Record<never, never>>(
  name: string,
  opsPerSec: number,
  baseline?: { name: string; opsPerSec: number },
  extra: E = {} as E,
): BenchRow & E {
  const round = (n: number) => (n >= 100 ? Math.round(n) : Number(n.toPrecision(3)));
  return {
    name,
    opsPerSec: round(opsPerSec),
    baseline: baseline ? round(baseline.opsPerSec) : null,
    baselineName: baseline?.name ?? null,
    ratio: baseline ? Number((opsPerSec / baseline.opsPerSec).toFixed(3)) : null,
    ...extra,
  };
}

/**
 * Replaces rows with the same `name` and keeps the rest; writes pretty-printed JSON.
 * Speed rows are {@link BenchRow}s; other figures (sizes) carry their own fields.
 */
export function mergeResults(rows: ReadonlyArray<{ name: string }>): void {
  const old = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Array<{ name: string }>) : [];
  const names = new Set(rows.map((r) => r.name));
  const merged = [...old.filter((r) => !names.has(r.name)), ...rows].sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
}
