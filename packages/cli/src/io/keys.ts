import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateKeyPair, parsePrivateJwk, type Alg, type PrivateJwk } from '@healthcode/core/code';
import { parsePublicJwk, type PublicJwk } from '@healthcode/core';
import { UsageError } from '../command.js';
import { CliInputError } from './cli-input-error.js';
import { readJsonFile } from './files.js';

/**
 * A private key file, read. On disk (see {@link issuerKeyFileJson}) an issuer's key is
 * its private JWK with two extra members, `issuer` and `region`, that `issue` uses as
 * defaults; extra members are allowed in a JWK (RFC 7517 section 4) and ignored by JOSE
 * libraries, so the file stays a valid key. A root key file has neither member.
 */
export interface IssuerKeyFile {
  /** The private key alone, without the metadata members. */
  key: PrivateJwk;
  /** Issuer id this key signs for. */
  issuer?: string;
  /** Default region code of the codes it issues. */
  region?: string;
}

/** The JSON written to an issuer's `ID.key.json`: the private JWK plus the metadata members. */
export function issuerKeyFileJson(file: IssuerKeyFile): PrivateJwk & { issuer?: string; region?: string } {
  return { ...file.key, ...(file.issuer ? { issuer: file.issuer } : {}), ...(file.region ? { region: file.region } : {}) };
}

/**
 * RFC 7638 JWK thumbprint (SHA-256, base64url): a key id derived from the key itself,
 * so two keys never share a `kid` by accident and anyone can recompute it.
 */
export function jwkThumbprint(jwk: PublicJwk): string {
  const required = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(required)).digest('base64url');
}

/**
 * Generates a signing key pair. Its `kid` is the given one or, by default, the key's
 * RFC 7638 thumbprint.
 */
export async function newKeyPair(alg: Alg, kid?: string): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> {
  const pair = await generateKeyPair({ kid: kid ?? 'pending', alg });
  if (kid !== undefined) return pair;
  const thumbprint = jwkThumbprint(pair.publicJwk);
  return { privateJwk: { ...pair.privateJwk, kid: thumbprint }, publicJwk: { ...pair.publicJwk, kid: thumbprint } };
}

/** Runs a core key parser, naming the file in the error when it refuses. */
function parseKeyFile<K>(parse: (jwk: unknown) => K, json: unknown, path: string): K {
  try {
    return parse(json);
  } catch (cause) {
    throw new CliInputError('cli/invalid_key', `${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

const optionalString = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Reads a private key file (root or issuer), with the `issuer`/`region` metadata when
 * present. A key file that others may read still works, but `warn` is told, since
 * anyone who can read it can sign codes.
 */
export async function readPrivateKeyFile(cwd: string, path: string, warn: (message: string) => void): Promise<IssuerKeyFile> {
  const json = (await readJsonFile(cwd, path)) as Record<string, unknown> | null;
  const { mode } = await stat(resolve(cwd, path));
  // POSIX permission bits only; Windows reports them loosely, so it is left alone.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    warn(`warning: ${path} is readable by other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 ${path}\n`);
  }
  const key = parseKeyFile(parsePrivateJwk, json, path);
  const issuer = optionalString(json?.issuer);
  const region = optionalString(json?.region);
  return { key, ...(issuer ? { issuer } : {}), ...(region ? { region } : {}) };
}

/**
 * Reads a public key file. A private key file is accepted too and reduced to its
 * public part, so a verifier never holds secret material by mistake.
 */
export async function readPublicKeyFile(cwd: string, path: string): Promise<PublicJwk> {
  return parseKeyFile(parsePublicJwk, await readJsonFile(cwd, path), path);
}

/** Reads the root public keys given with `--root` (repeatable, for a root rotation). */
export async function readRootKeys(cwd: string, paths: string[] | undefined): Promise<PublicJwk[]> {
  if (!paths || paths.length === 0) throw new UsageError('--root is required');
  return Promise.all(paths.map((p) => readPublicKeyFile(cwd, p)));
}
