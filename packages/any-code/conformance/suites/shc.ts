import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ShcIssuer } from '../../src/index.js';
import type { ConformanceCase } from '../case.js';
import { findFiles } from './files.js';

/** The issuer the SMART examples are signed by; its key set and revocation lists sit in `issuer/`. */
const EXAMPLE_ISSUER = 'https://spec.smarthealth.cards/examples/issuer';
/** A day after the examples were made (2023-06-22), while every one of them was within its window. */
const EXAMPLES_CLOCK = new Date('2023-06-23T00:00:00Z');
/** What the examples are: 02 is split over three QR codes, 03 is on the revocation list. */
const EXPECTED_REASON: Record<string, string> = { '02': 'chunked', '03': 'revoked' };

function exampleIssuer(examples: string): ShcIssuer | undefined {
  const wellKnown = join(examples, 'issuer', '.well-known');
  if (!existsSync(join(wellKnown, 'jwks.json'))) return undefined;
  const crls = findFiles(join(wellKnown, 'crl'), /\.json$/).map((f) => JSON.parse(readFileSync(f, 'utf8')) as { kid: string; rids: string[] });
  return { iss: EXAMPLE_ISSUER, jwks: JSON.parse(readFileSync(join(wellKnown, 'jwks.json'), 'utf8')), revocations: crls };
}

/** The SMART Health Cards examples: `example-NN-f-qr-code-numeric-value-K.txt`, one QR code's text each. */
export function shcCases(dir: string): ConformanceCase[] {
  return findFiles(dir, /example-\d+-f-qr-code-numeric-value-\d+\.txt$/).map((path) => {
    const issuer = exampleIssuer(dirname(path));
    const reason = EXPECTED_REASON[/example-(\d+)-/.exec(path)![1]!];
    return {
      file: relative(dir, path),
      format: 'shc' as const,
      text: readFileSync(path, 'utf8').trim(),
      trust: { shc: { issuers: issuer ? [issuer] : [] } },
      now: EXAMPLES_CLOCK,
      expected: reason ? { VALID: false, [`REASON:${reason}`]: true } : { VALID: true },
    };
  });
}
