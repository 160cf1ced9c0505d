import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrustedIssuer } from '@healthcode/core/code';
import { UsageError } from '../src/command.js';
import { parseInstant, parseSeconds } from '../src/io/args.js';
import { writeTextFile } from '../src/io/files.js';
import { mergeIssuers } from '../src/io/issuer-entries.js';
import { jwkThumbprint } from '../src/io/keys.js';
import { readSignedTrustList } from '../src/io/trust-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthcode-io-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const ecKey = (kid: string, x = 'x'.repeat(43)) => ({ kty: 'EC' as const, kid, alg: 'ES256' as const, crv: 'P-256' as const, x, y: 'y'.repeat(43) });
const issuer = (id: string, name: string, regions: string[], ...kids: string[]): TrustedIssuer => ({
  id,
  name,
  regions,
  keys: kids.map((kid) => ({ jwk: ecKey(kid) })),
});

describe('mergeIssuers', () => {
  it('joins the keys and regions of entries with the same issuer id, keeping the last name', () => {
    const merged = mergeIssuers([issuer('sh', 'Old', ['310000'], 'k1'), issuer('bj', 'Beijing', ['110000'], 'k3'), issuer('sh', 'Shanghai', ['310100'], 'k2')]);
    expect(merged.map((i) => [i.id, i.name, i.regions, i.keys.map((k) => k.jwk.kid)])).toEqual([
      ['sh', 'Shanghai', ['310000', '310100'], ['k1', 'k2']],
      ['bj', 'Beijing', ['110000'], ['k3']],
    ]);
  });

  it('counts the same key listed twice once', () => {
    expect(mergeIssuers([issuer('sh', 'S', ['1'], 'k1'), issuer('sh', 'S', ['1'], 'k1')])[0]?.keys).toHaveLength(1);
  });

  it('refuses two different keys under one kid, even across issuers', () => {
    const other = { ...issuer('sh', 'S', ['1']), keys: [{ jwk: ecKey('k1', 'z'.repeat(43)) }] };
    expect(() => mergeIssuers([issuer('sh', 'S', ['1'], 'k1'), other])).toThrow(/kid 'k1'/);
    expect(() => mergeIssuers([issuer('sh', 'S', ['1'], 'k1'), issuer('bj', 'B', ['2'], 'k1')])).toThrow(/kid 'k1'/);
  });
});

describe('jwkThumbprint', () => {
  it('matches the RFC 7638 section 3.1 example', () => {
    const n =
      '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw';
    expect(jwkThumbprint({ kty: 'RSA', kid: '2011-04-29', alg: 'RS256', n, e: 'AQAB' })).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });
});

describe('readSignedTrustList', () => {
  it('accepts the compact JWS written by trust-list sign and the JSON body of GET /v1/trust-list', async () => {
    await writeFile(join(dir, 'list.jws'), 'a.b.c\n');
    await writeFile(join(dir, 'list.json'), JSON.stringify({ signed: 'a.b.c' }));
    expect(await readSignedTrustList(dir, 'list.jws')).toBe('a.b.c');
    expect(await readSignedTrustList(dir, 'list.json')).toBe('a.b.c');
  });

  it('names the file when it cannot be read', async () => {
    await expect(readSignedTrustList(dir, 'missing.jws')).rejects.toMatchObject({ code: 'cli/unreadable', message: /missing\.jws/ });
  });
});

describe('writeTextFile', () => {
  it('makes an overwritten secret file owner-only too', async () => {
    await writeFile(join(dir, 'key.json'), '{}', { mode: 0o644 });
    await writeTextFile(dir, 'key.json', '{"d":"secret"}', { secret: true, overwrite: true });
    expect((await stat(join(dir, 'key.json'))).mode & 0o777).toBe(0o600);
  });
});

describe('argument parsers', () => {
  it('accept ISO times and whole seconds only', () => {
    expect(parseInstant('2026-11-27T14:00:00Z', 'at').toISOString()).toBe('2026-11-27T14:00:00.000Z');
    expect(parseInstant('2026-11-27T22:00:00+08:00', 'at').toISOString()).toBe('2026-11-27T14:00:00.000Z');
    expect(() => parseInstant('27/11/2026', 'at')).toThrow(UsageError);
    expect(parseSeconds('600', 'ttl')).toBe(600);
    for (const bad of ['0', '1.5', '-3', '10s']) expect(() => parseSeconds(bad, 'ttl')).toThrow(UsageError);
  });
});
