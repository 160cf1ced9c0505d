import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** An example declaration file of `docs/examples/declarations`. */
export interface ExampleFile {
  formVersion: string;
  declaredAt: string;
  answers: Record<string, unknown>;
}

export const EXAMPLE_NAMES = ['resident', 'foreigner-passport', 'hk-visitor'] as const;

export function examplePath(name: (typeof EXAMPLE_NAMES)[number]): string {
  return fileURLToPath(new URL(`../../../../docs/examples/declarations/${name}.json`, import.meta.url));
}

export function loadExample(name: (typeof EXAMPLE_NAMES)[number]): ExampleFile {
  return JSON.parse(readFileSync(examplePath(name), 'utf8')) as ExampleFile;
}

/** 2026-11-27 09:00 in the city: every date below is relative to this day. */
export const NOW = new Date('2026-11-27T09:00:00+08:00');

/** A fresh copy of the resident's answers, to be changed by each test. */
export function residentAnswers(): Record<string, any> {
  return structuredClone(loadExample('resident').answers);
}

/**
 * ISO 7064 MOD 11-2 computed the textbook way (Horner over the digits with
 * radix 2, then the value that makes the total congruent to 1): an oracle
 * independent of the weight table in the implementation.
 */
export function mod11_2CheckChar(body: string): string {
  let p = 0;
  for (const digit of body) p = ((p + Number(digit)) * 2) % 11;
  const check = (12 - p) % 11;
  return check === 10 ? 'X' : String(check);
}
