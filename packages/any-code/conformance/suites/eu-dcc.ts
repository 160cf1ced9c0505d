import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ConformanceCase } from '../case.js';
import { findFiles } from './files.js';

// dgc-testdata's ES cases 201-203 write EXPTECTEDEXPIRED: true for certificates that are well
// inside their window at the case's clock (issued hours before, expiring days or months after),
// so it is read as the misspelt EXPECTEDEXPIRATIONCHECK it stands beside in the other cases.
const ALIASES: Record<string, (v: boolean) => [string, boolean]> = { EXPTECTEDEXPIRED: (v) => ['EXPECTEDEXPIRATIONCHECK', v] };

/** dgc-testdata's cases: `<CC>/2DCode/raw/*.json` (PL: `<CC>/<version>/2DCode/raw/`), each with its own certificate and clock. */
export function euDccCases(dir: string): ConformanceCase[] {
  return findFiles(dir, /\/2DCode\/raw\/[^/]+\.json$/).flatMap((path) => {
    const data = JSON.parse(readFileSync(path, 'utf8')) as {
      PREFIX?: string;
      TESTCTX?: { CERTIFICATE?: string; VALIDATIONCLOCK?: string };
      EXPECTEDRESULTS?: Record<string, boolean>;
    };
    if (!data.EXPECTEDRESULTS || typeof data.PREFIX !== 'string') return [];
    const expected = Object.fromEntries(Object.entries(data.EXPECTEDRESULTS).map(([flag, v]) => ALIASES[flag]?.(v) ?? [flag, v]));
    return [
      {
        file: relative(dir, path),
        format: 'eu-dcc' as const,
        text: data.PREFIX,
        trust: { euDcc: { certificates: data.TESTCTX?.CERTIFICATE ? [data.TESTCTX.CERTIFICATE] : [] } },
        now: new Date(data.TESTCTX?.VALIDATIONCLOCK ?? Date.now()),
        expected,
      },
    ];
  });
}
