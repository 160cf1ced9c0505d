// Merges benchmark rows into bench/results.json by name, so each suite updates only its own rows.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), 'results.json');

/** Replaces rows with the same `name` and keeps the rest; writes pretty-printed JSON. */
export function mergeResults(rows: Array<Record<string, unknown> & { name: string }>): void {
  const old = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Array<{ name: string }>) : [];
  const names = new Set(rows.map((r) => r.name));
  const merged = [...old.filter((r) => !names.has(r.name)), ...rows].sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
}
