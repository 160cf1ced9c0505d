/**
 * A health-code checkpoint in one file. It verifies QR texts, one per line, read from
 * a file or from stdin, against a signed trust list, and prints one line per code:
 *
 *   VALID green 310000 Shanghai exp 2026-11-27T14:00:00Z
 *   INVALID expired
 *
 *   VALID eu-dcc vaccination AT E**** M********* exp 2027-06-01T00:00:00Z
 *
 * Foreign certificates (EU DCC, SMART Health Cards, NZ COVID Pass) are read too when their trust
 * is given: a JSON array of base64 EU signing certificates, of SMART issuers
 * (`{ iss, jwks, revocations? }`), of NZCP DID documents.
 *
 * Exit status: 0 when every code is valid, 1 otherwise, 2 on a usage error.
 *
 *   tsx src/main.ts --trust trust.jws --root root.pub.json codes.txt
 *   healthcode issue … | tsx src/main.ts --trust trust.jws --root root.pub.json
 *   tsx src/main.ts --trust trust.jws --root root.pub.json --eu-certs dsc.json --nzcp-dids dids.json codes.txt
 */
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { detectFormat, verifyAnyCode, type AnyCodeResult, type AnyCodeTrust } from '@healthcode/any-code';
import { verifyCode, verifyTrustList, type VerifyResult } from '@healthcode/core';

const usage = 'usage: node-checkpoint --trust TRUST.jws --root ROOT.pub.json [--eu-certs FILE] [--shc-issuers FILE] [--nzcp-dids FILE] [FILE|-]';

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One output line per code: what a gate operator needs to see. */
function describe(result: VerifyResult): string {
  if (!result.valid) return `INVALID ${result.reason}`;
  return `VALID ${result.status} ${result.region} ${result.issuer.name} exp ${isoSeconds(result.expiresAt)}`;
}

/** The same for a foreign certificate: format, what it certifies, issuer and masked holder. */
function describeForeign(result: AnyCodeResult): string {
  if (!result.valid) return `INVALID ${result.reason}`;
  const expires = result.validUntil ? ` exp ${isoSeconds(result.validUntil)}` : '';
  return `VALID ${result.format} ${result.certifies.join('+')} ${result.issuer} ${result.holder}${expires}`;
}

const readJson = async (path: string | undefined) => (path ? JSON.parse(await readFile(path, 'utf8')) : undefined);

/** Trust for foreign formats, from the files given; a format without a file is refused. */
async function foreignTrust(values: { 'eu-certs'?: string; 'shc-issuers'?: string; 'nzcp-dids'?: string }): Promise<AnyCodeTrust> {
  const [certificates, issuers, didDocuments] = await Promise.all([readJson(values['eu-certs']), readJson(values['shc-issuers']), readJson(values['nzcp-dids'])]);
  return {
    ...(certificates ? { euDcc: { certificates } } : {}),
    ...(issuers ? { shc: { issuers } } : {}),
    ...(didDocuments ? { nzcp: { didDocuments } } : {}),
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      trust: { type: 'string' },
      root: { type: 'string' },
      'eu-certs': { type: 'string' },
      'shc-issuers': { type: 'string' },
      'nzcp-dids': { type: 'string' },
    },
    allowPositionals: true,
  });
  if (!values.trust || !values.root || positionals.length > 1) {
    console.error(usage);
    return 2;
  }

  // The root public key is the only thing a checkpoint trusts up front; the list of
  // issuers and their keys is believed only once its signature checks out.
  const rootKey = JSON.parse(await readFile(values.root, 'utf8'));
  const trust = await verifyTrustList((await readFile(values.trust, 'utf8')).trim(), rootKey);
  const foreign = await foreignTrust(values);

  const file = positionals[0];
  const input = file && file !== '-' ? await readFile(file, 'utf8') : await text(process.stdin);
  const codes = input.split('\n').map((line) => line.trim()).filter((line) => line !== '');

  let allValid = true;
  for (const qrText of codes) {
    // Neither verifier throws: garbage, forgeries and expired codes all come back as results.
    // HealthCodes (and unreadable text) go to verifyCode, whose answer has the region and issuer name.
    const format = detectFormat(qrText);
    const [valid, line] =
      format && format !== 'healthcode'
        ? await verifyAnyCode(qrText, foreign).then((r) => [r.valid, describeForeign(r)] as const)
        : await verifyCode(qrText, { trust }).then((r) => [r.valid, describe(r)] as const);
    allValid &&= valid;
    console.log(line);
  }
  return allValid ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    // Only setup can fail here: unreadable files or a trust list that does not verify.
    console.error(`node-checkpoint: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
