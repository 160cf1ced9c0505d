// `pnpm conformance DIR [--json]`: runs the public suites found under DIR (dgc-testdata, the SMART
// Health Cards examples, the NZ COVID Pass examples, laid out as upstream) through the verifier,
// each case at its own clock, and reports how many cases agree with each expectation flag.
import { resolve } from 'node:path';
import { defaultCryptoProvider } from '@healthcode/core/code';
import { detectFormat, verifyFormat } from '../src/verify-any-code.js';
import { agrees, isCovered, type Verdict } from './agreement.js';
import type { ConformanceCase } from './case.js';
import { euDccCases } from './suites/eu-dcc.js';
import { nzcpCases } from './suites/nzcp.js';
import { shcCases } from './suites/shc.js';

const crypto = defaultCryptoProvider();

async function verdictOf(c: ConformanceCase): Promise<Verdict> {
  if (detectFormat(c.text) !== c.format) return ['unrecognised_format'];
  const outcome = await verifyFormat(c.format, c.text, c.trust, { now: c.now, clockSkew: 0, crypto });
  return outcome.ok ? [] : outcome.failures.map((f) => f.reason);
}

async function main(args: string[]): Promise<number> {
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: pnpm conformance DIR [--json]\n');
    return 2;
  }
  const root = resolve(dir);
  const cases = [...euDccCases(root), ...shcCases(root), ...nzcpCases(root)].sort((a, b) => a.file.localeCompare(b.file));
  const runs = await Promise.all(cases.map(async (c) => ({ c, verdict: await verdictOf(c) })));
  if (args.includes('--json')) {
    const rows = runs.map(({ c, verdict }) => ({ file: c.file, format: c.format, valid: verdict.length === 0, reason: verdict[0] ?? 'valid' }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const table = new Map<string, { agree: number; total: number }>();
  const disagreements: string[] = [];
  const skipped = new Set<string>();
  for (const { c, verdict } of runs) {
    for (const [flag, expected] of Object.entries(c.expected)) {
      const ok = agrees(flag, expected, verdict);
      if (ok === undefined || !isCovered(flag)) {
        skipped.add(flag);
        continue;
      }
      const key = `${c.format}\t${flag}=${expected}`;
      const row = table.get(key) ?? { agree: 0, total: 0 };
      row.total++;
      if (ok) row.agree++;
      else disagreements.push(`${c.file}: ${flag}=${expected}, verifier said ${verdict.join(', ') || 'valid'}`);
      table.set(key, row);
    }
  }
  const lines = [...table].sort(([a], [b]) => a.localeCompare(b)).map(([key, { agree, total }]) => `${key.padEnd(42)}\t${agree}/${total}`);
  process.stdout.write(`${cases.length} cases\nformat\tflag=expected\tagree/total\n${lines.join('\n')}\n`);
  if (skipped.size > 0) process.stdout.write(`not covered (checks this verifier does not make): ${[...skipped].sort().join(', ')}\n`);
  process.stdout.write(disagreements.length ? `\n${disagreements.length} disagreements:\n${disagreements.join('\n')}\n` : '\nno disagreements\n');
  return disagreements.length ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
