import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKeyringState, type KeyringState } from '@healthcode/service';
import { toPublicJwk, type Alg, type CryptoProvider } from '@healthcode/core/code';

/** File names inside the keys directory. */
export const KEY_FILES = {
  /** All private key material (root, issuer keys, subject key): mode 0600. */
  keyring: 'keyring.json',
  /** The root public key, for configuring clients: safe to publish. */
  rootPublic: 'root.pub.json',
  /** Bearer token of the operator (org creation, passport reviews): mode 0600. */
  operatorToken: 'operator.token',
} as const;

/** Writes a file atomically (temp file + rename) with owner-only permissions for secrets. */
function writeSecret(path: string, content: string, mode = 0o600): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode });
  renameSync(tmp, path);
}

/**
 * Reads the key material from `dir`, creating the directory and fresh keys (root key,
 * issuer key, subject key) on first start.
 */
export async function loadOrCreateKeyringState(dir: string, options: { alg?: Alg; crypto?: CryptoProvider } = {}): Promise<KeyringState> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, KEY_FILES.keyring);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyringState;
  const state = await createKeyringState(options);
  saveKeyringState(dir, state);
  return state;
}

/** Persists key material (called on every keyring change: rotation, trust list sequence). */
export function saveKeyringState(dir: string, state: KeyringState): void {
  writeSecret(join(dir, KEY_FILES.keyring), `${JSON.stringify(state, null, 2)}\n`);
  writeSecret(join(dir, KEY_FILES.rootPublic), `${JSON.stringify(toPublicJwk(state.root), null, 2)}\n`, 0o644);
}

/** The operator token stored in `dir`, created (256 random bits) on first start. */
export function loadOrCreateOperatorToken(dir: string): string {
  const file = join(dir, KEY_FILES.operatorToken);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(32).toString('hex');
  writeSecret(file, `${token}\n`);
  return token;
}
