/**
 * A health-code checkpoint in one file. It verifies QR texts, one per line, read from
 * a file or from stdin, against a signed trust list, and prints one line per code:
 *
 *   VALID green 310000 Shanghai exp 2026-11-27T14:00:00Z
 *   INVALID expired
 *
 * Exit status: 0 when every code is valid, 1 otherwise, 2 on a usage error.
 *
 *   tsx src/main.ts --trust trust.jws --root root.pub.json codes.txt
 *   healthcode issue … | tsx src/main.ts --trust trust.jws --root root.pub.json
 */
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { verifyCode, verifyTrustList, type VerifyResult } from '@healthcode/core';

const usage = 'usage: node-checkpoint --trust TRUST.jws --root ROOT.pub.json [FILE|-]';

/** One output line per code: what a gate operator needs to see. */
function describe(result: VerifyResult): string {
  if (!result.valid) return `INVALID ${result.reason}`;
  const expires = result.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `VALID ${result.status} ${result.region} ${result.issuer.name} exp ${expires}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { trust: { type: 'string' }, root: { type: 'string' } },
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

  const file = positionals[0];
  const input = file && file !== '-' ? await readFile(file, 'utf8') : await text(process.stdin);
  const codes = input.split('\n').map((line) => line.trim()).filter((line) => line !== '');

  let allValid = true;
  for (const qrText of codes) {
    // verifyCode never throws: garbage, forgeries and expired codes all come back as results.
    const result = await verifyCode(qrText, { trust });
    allValid &&= result.valid;
    console.log(describe(result));
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
