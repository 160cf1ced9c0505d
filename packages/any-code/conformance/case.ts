import type { AnyCodeTrust, CodeFormat } from '../src/index.js';

/** One case of a public suite: the text, the trust and clock it is meant for, and what is expected. */
export interface ConformanceCase {
  /** Path relative to the suite directory given on the command line. */
  file: string;
  format: CodeFormat;
  text: string;
  trust: AnyCodeTrust;
  now: Date;
  /** Expectation flags, each `true` (the check must pass) or `false` (it must fail). */
  expected: Record<string, boolean>;
}
