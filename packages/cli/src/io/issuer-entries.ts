import { parsePublicJwk } from '@healthcode/core';
import { type TrustedIssuer, type TrustedKey } from '@healthcode/core/code';
import { CliInputError } from './cli-input-error.js';
import { readJsonFile } from './files.js';

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isSecondsOrAbsent = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0);

function checkKey(value: unknown, path: string): TrustedKey {
  const key = (value ?? {}) as Partial<TrustedKey>;
  if (!isSecondsOrAbsent(key.notBefore) || !isSecondsOrAbsent(key.notAfter)) {
    throw new CliInputError('cli/invalid_entry', `${path}: notBefore/notAfter must be NumericDate seconds`);
  }
  let jwk: TrustedKey['jwk'];
  try {
    // Keeps only public members, whatever the entry file held.
    jwk = parsePublicJwk(key.jwk);
  } catch (cause) {
    throw new CliInputError('cli/invalid_entry', `${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  return {
    jwk,
    ...(key.notBefore === undefined ? {} : { notBefore: key.notBefore }),
    ...(key.notAfter === undefined ? {} : { notAfter: key.notAfter }),
  };
}

/**
 * Reads one trust-list entry file as `keygen` writes it (`ID.pub.json`):
 * `{ id, name, regions, keys: [{ jwk, notBefore?, notAfter? }] }`.
 */
export async function readIssuerEntry(cwd: string, path: string): Promise<TrustedIssuer> {
  const entry = (await readJsonFile(cwd, path)) as Partial<TrustedIssuer> | null;
  if (typeof entry !== 'object' || entry === null || typeof entry.id !== 'string' || entry.id === '') {
    throw new CliInputError('cli/invalid_entry', `${path}: an issuer entry needs a non-empty id`);
  }
  if (typeof entry.name !== 'string' || !isStringArray(entry.regions) || !Array.isArray(entry.keys) || entry.keys.length === 0) {
    throw new CliInputError('cli/invalid_entry', `${path}: an issuer entry needs a name, a regions array and at least one key`);
  }
  return { id: entry.id, name: entry.name, regions: entry.regions, keys: entry.keys.map((k: unknown) => checkKey(k, path)) };
}

/**
 * Merges entries that share an issuer id, which is how a rotated key joins the list:
 * keys are concatenated (the same key listed twice counts once), regions are united,
 * and the name of the last entry wins. Two different keys under one `kid` are refused,
 * because a verifier could not tell them apart.
 */
export function mergeIssuers(entries: TrustedIssuer[]): TrustedIssuer[] {
  const byId = new Map<string, TrustedIssuer>();
  const keyOwner = new Map<string, { issuer: string; json: string }>();
  for (const entry of entries) {
    const merged = byId.get(entry.id) ?? { id: entry.id, name: entry.name, regions: [], keys: [] };
    merged.name = entry.name;
    merged.regions = [...new Set([...merged.regions, ...entry.regions])];
    for (const key of entry.keys) {
      const json = JSON.stringify(key.jwk);
      const seen = keyOwner.get(key.jwk.kid);
      if (seen && (seen.json !== json || seen.issuer !== entry.id)) {
        throw new CliInputError('cli/conflicting_key', `two different keys use kid '${key.jwk.kid}'`);
      }
      if (seen) continue;
      keyOwner.set(key.jwk.kid, { issuer: entry.id, json });
      merged.keys.push(key);
    }
    byId.set(entry.id, merged);
  }
  return [...byId.values()];
}
