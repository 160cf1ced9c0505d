import type { AnyCodeFailureReason } from '../src/index.js';

/** Where a verification stopped: the failed checks in order, none when the code verified. */
export type Verdict = readonly AnyCodeFailureReason[];

// dgc-testdata's flags, each one step of the pipeline. Decoding steps run in order, so a flag
// expected to pass must be passed; the four checks after decoding all run, so each is judged alone.
const DECODING: ReadonlyArray<readonly [flags: string[], reasons: AnyCodeFailureReason[]]> = [
  [['EXPECTEDUNPREFIX'], ['unrecognised_format']],
  [['EXPECTEDB45DECODE'], ['bad_encoding']],
  [['EXPECTEDCOMPRESSION'], ['bad_compression']],
  [['EXPECTEDDECODE', 'EXPECTEDVALIDJSON', 'EXPECTEDVALIDOBJECT'], ['malformed']],
];
const CHECKS: Readonly<Record<string, AnyCodeFailureReason[]>> = {
  EXPECTEDVERIFY: ['unknown_key', 'bad_signature', 'unsupported_algorithm'],
  EXPECTEDKEYUSAGE: ['key_usage'],
  EXPECTEDEXPIRATIONCHECK: ['expired', 'not_yet_valid'],
  EXPECTEDSCHEMAVALIDATION: ['schema_invalid'],
};

/** The flags this verifier is judged on; others (re-encoding, pictures) are checks it does not make. */
export const isCovered = (flag: string): boolean =>
  flag === 'VALID' || flag.startsWith('REASON:') || flag in CHECKS || DECODING.some(([flags]) => flags.includes(flag));

/** Whether the verdict agrees with one expectation flag; `undefined` for a flag not covered. */
export function agrees(flag: string, expected: boolean, verdict: Verdict): boolean | undefined {
  if (flag === 'VALID') return (verdict.length === 0) === expected;
  if (flag.startsWith('REASON:')) return (verdict[0] === flag.slice('REASON:'.length)) === expected;
  const stopped = DECODING.findIndex(([, reasons]) => reasons.includes(verdict[0]!));
  const step = DECODING.findIndex(([flags]) => flags.includes(flag));
  if (step >= 0) return expected ? stopped < 0 || stopped > step : stopped === step;
  const reasons = CHECKS[flag];
  if (!reasons) return undefined;
  // A check expected to fail has not passed when decoding stopped before it.
  const failed = stopped >= 0 || verdict.some((r) => reasons.includes(r));
  return expected ? !failed : failed;
}
