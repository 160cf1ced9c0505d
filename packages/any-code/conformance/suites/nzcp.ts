import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { ConformanceCase } from '../case.js';
import { findFiles } from './files.js';

/** The day the spec's examples were published; the "not active" pass became active only in 2026. */
const EXAMPLES_CLOCK = new Date('2021-11-26T00:00:00Z');
/** The result main.md states for each invalid example. */
const EXPECTED_REASON: Record<string, string> = {
  'nzcp-bad-public-key.txt': 'bad_signature',
  'nzcp-expired-payload.txt': 'expired',
  'nzcp-modified-payload.txt': 'bad_signature',
  'nzcp-modified-sig.txt': 'bad_signature',
  'nzcp-not-associated-public-key.txt': 'unknown_key',
  'nzcp-notactive-payload.txt': 'not_yet_valid',
};

/** The NZ COVID Pass examples: `examples/valid/*.txt` and `examples/invalid/*.txt` holding a pass, with `valid/did.json`. */
export function nzcpCases(dir: string): ConformanceCase[] {
  return findFiles(dir, /\/examples\/(valid|invalid)\/[^/]+\.txt$/).flatMap((path) => {
    const text = readFileSync(path, 'utf8').trim();
    if (!text.startsWith('NZCP:/')) return [];
    const did = join(dirname(dirname(path)), 'valid', 'did.json');
    const reason = EXPECTED_REASON[basename(path)];
    const valid = basename(dirname(path)) === 'valid';
    return [
      {
        file: relative(dir, path),
        format: 'nzcp' as const,
        text,
        trust: { nzcp: { didDocuments: existsSync(did) ? [JSON.parse(readFileSync(did, 'utf8'))] : [] } },
        now: EXAMPLES_CLOCK,
        expected: { VALID: valid, ...(reason ? { [`REASON:${reason}`]: true } : {}) },
      },
    ];
  });
}
