import { assessDeclaration } from '@healthcode/core/assessment';
import { decodeQrText, generateKeyPair, issueCode, signTrustList, wrapJws } from '@healthcode/core/code';
import { deriveSubjectId, documentTail, maskName } from '@healthcode/core/privacy';
import { renderTerminal, validateDeclaration, verifyCode, verifyTrustList, type HealthStatus, type VerifyResult } from '@healthcode/core';
import { mockHost } from '@healthcode/mock-host';
import { carelessDeclaration, sampleDeclaration } from './sample.js';
import { createStyle, type Style } from './style.js';

/** Where the demo writes, and how. */
export interface DemoIo {
  write(text: string): void;
  /** ANSI colours (and a colour QR); off for pipes and tests. */
  color: boolean;
  /** The demo's clock; default the real time. */
  now?: Date;
}

/** What the checkpoint decided about each of the three codes it was shown. */
export interface DemoOutcome {
  genuine: VerifyResult;
  tampered: VerifyResult;
  expired: VerifyResult;
}

// Development secrets, generated or fixed in memory for the demo only.
const DEV_SUBJECT_KEY = 'demo-subject-key-never-use-in-production';
const ISSUER = { id: 'sh-hc', name: 'Shanghai Health Commission', region: '310000' };

/**
 * Runs the whole HealthCode story on the mock host: sign-in, declaration, signed code,
 * QR in the terminal, and a checkpoint that accepts the code and rejects a forged and
 * an expired one.
 */
export async function runDemo(io: DemoIo): Promise<DemoOutcome> {
  const s = createStyle(io.color);
  const now = io.now ?? new Date();
  const say = (line = '') => io.write(`${line}\n`);
  const step = (n: number, title: string) => say(`\n${s.bold(s.cyan(`[${n}/5]`))} ${s.bold(title)}`);

  say(s.bold('HealthCode demo') + s.dim(' · mock host, development keys, nothing leaves this process'));

  step(1, 'Identity: the host signs the resident in');
  const host = mockHost();
  const { code: authCode } = await host.identity.getAuthCode({ scopes: ['health_code'] });
  say(`  ${host.name} host handed out auth code ${s.bold(authCode)}; the service exchanges it for the verified identity`);

  step(2, 'Declaration: validated, then assessed');
  const careless = validateDeclaration(carelessDeclaration, { locale: 'en', now });
  if (!careless.ok) {
    say('  a careless form is refused with every problem at once:');
    for (const issue of careless.issues) say(s.dim(`    ${issue.path}: ${issue.message}`));
  }
  const checked = validateDeclaration(sampleDeclaration, { locale: 'en', now });
  if (!checked.ok) throw new Error(`sample declaration rejected: ${checked.issues.map((i) => i.path).join(', ')}`);
  const assessment = assessDeclaration(checked.declaration, { now });
  say(`  the resident's form is valid; assessment: ${statusLabel(assessment.status, s)} (rules ${assessment.ruleSetVersion})`);
  for (const reason of assessment.reasons) say(s.dim(`    ${reason.message.en}`));

  step(3, 'Signed code: trust list and issuer key');
  const root = await generateKeyPair({ kid: 'demo-root' });
  const issuerKey = await generateKeyPair({ kid: 'sh-hc-demo' });
  const issuedAt = Math.floor(now.getTime() / 1000);
  const issuer = { ...ISSUER, regions: [ISSUER.region], keys: [{ jwk: issuerKey.publicJwk, notBefore: issuedAt }] };
  const trustList = { sequence: 1, issuedAt, issuers: [issuer], revokedKeyIds: [], revokedCodeIds: [] };
  const signedList = await signTrustList(trustList, root.privateJwk);
  say(`  root key ${root.publicJwk.kid} signed a trust list naming ${ISSUER.name} (key ${issuerKey.publicJwk.kid})`);
  const { person, identityDocument } = checked.declaration;
  const subject = deriveSubjectId(identityDocument, DEV_SUBJECT_KEY);
  const display = { name: maskName(person.name), documentTail: documentTail(identityDocument.number) };
  const code = { issuer: ISSUER.id, subject, status: assessment.status, region: ISSUER.region, display, issuedAt: now };
  const qrText = await issueCode(code, { key: issuerKey.privateJwk });
  say(`  code issued for subject ${s.bold(subject)} (a keyed hash; the ID number never enters the code)`);
  say(s.dim(`  ${qrText.length} characters: ${qrText.slice(0, 48)}…`));

  step(4, 'QR code, as the resident shows it');
  io.write(renderTerminal(qrText, { ansi: io.color }));

  step(5, 'Checkpoint: verify the trust list, then the code');
  const trust = await verifyTrustList(signedList, root.publicJwk, { now });
  say(`  trust list #${trust.sequence} verified with the pinned root key`);
  const genuine = await verifyCode(qrText, { trust, now });
  say(describeResult('the code above', genuine, s));
  const tampered = await verifyCode(editStatus(qrText), { trust, now });
  say(describeResult('the code with its colour edited', tampered, s));
  const afterExpiry = new Date((genuine.valid ? genuine.expiresAt.getTime() : now.getTime()) + 60_000);
  const expired = await verifyCode(qrText, { trust, now: afterExpiry });
  say(describeResult('the code a minute after it expired', expired, s));

  say(`\n${s.bold('Done.')} Next: ${s.dim('pnpm healthcode --help, examples/node-checkpoint, docs/')}`);
  return { genuine, tampered, expired };
}

function statusLabel(status: HealthStatus, s: Style): string {
  return { green: s.green, yellow: s.yellow, red: s.red }[status](status.toUpperCase());
}

/** One checkpoint line: what the gate shows for a code. */
function describeResult(label: string, r: VerifyResult, s: Style): string {
  if (!r.valid) return `  ${s.red('✘ REJECTED')} ${label}: ${s.bold(r.reason)} ${s.dim(`(${r.message})`)}`;
  const who = `${r.display.name} ···${r.display.documentTail ?? ''}`;
  return `  ${s.green('✔ VALID')}    ${label}: ${statusLabel(r.status, s)} · ${who} · ${r.issuer.name} · until ${r.expiresAt.toISOString()}`;
}

/**
 * Swaps the colour in a code's status claim (`st`, see docs/code-format.md) and keeps
 * the original signature: what a forger would try. The checkpoint must notice.
 */
function editStatus(qrText: string): string {
  const { jws, payload } = decodeQrText(qrText);
  const [header, , signature] = jws.split('.');
  const edited = Buffer.from(JSON.stringify({ ...payload, st: payload.st === 'r' ? 'g' : 'r' })).toString('base64url');
  return wrapJws(`${header}.${edited}.${signature}`);
}
