// Verification throughput: verifyCode (the full pipeline, from QR text) with each crypto provider
// beside the raw library call it wraps and beside the best baseline, on the same token. Ratio =
// opsPerSec / baseline opsPerSec (higher is better). Targets: the default native provider
// (node:crypto in Node 20.16+) >= 0.7 x node:crypto `verify`; jsrsasign provider >= 1.0 x
// KJUR.jws.JWS.verify; noble provider >= 0.9 x raw noble `p256.verify` and >= 5 x the jsrsasign
// provider, with a JIT and without one (`node --jitless`), where it must also take <= 6 ms per
// verification. deriveSubjectId with each provider is set beside node:crypto's HMAC (information).
// The WebCrypto rows are information: WebCrypto itself runs below node:crypto here (a thread-pool
// round trip per call).
import { spawnSync } from 'node:child_process';
import { createHmac, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { join } from 'node:path';
import { defaultCryptoProvider, jsrsasignCryptoProvider, nobleCryptoProvider, nodeCryptoProvider, webCryptoProvider } from '@healthcode/core/code';
import { deriveSubjectId, normalizeIdentity } from '@healthcode/core/privacy';
import { KEYUTIL, KJUR } from 'jsrsasign';
import { jws, publicJwk, qrText, signature, signingInput, verifyTokenWith } from './bench-token.js';
import { compare, type Op } from './measure.js';
import { measurePureJs, type PureJsFigures } from './pure-js-es256.js';
import { benchRow, mergeResults } from './results.js';


console.log(`verifyCode default provider in Node ${process.version}: ${defaultCryptoProvider().name}`);

const keyObject = createPublicKey({ key: { ...publicJwk }, format: 'jwk' });
const nodeBaseline: Op = {
  run: () => {
    if (!nodeVerify('sha256', signingInput, { key: keyObject, dsaEncoding: 'ieee-p1363' }, signature)) throw new Error('bad');
  },
  count: 1,
};
const subtle = globalThis.crypto.subtle;
const cryptoKey = await subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' };
// Diagnostic: what WebCrypto itself costs against node:crypto, before any HealthCode code runs.
const rawSubtle = await compare(
  'raw crypto.subtle.verify (imported key) vs node:crypto',
  nodeBaseline,
  { run: () => subtle.verify(ECDSA_SHA256, cryptoKey, signature, signingInput), count: 1 },
  9,
  300,
);
const native = defaultCryptoProvider();
const viaDefault = await compare(
  `default provider (${native.name}), one at a time vs node:crypto`,
  nodeBaseline,
  { run: () => verifyTokenWith(native), count: 1 },
  9,
  300,
);

const webcrypto = webCryptoProvider();
const serial = await compare('webcrypto provider, one at a time vs node:crypto', nodeBaseline, { run: () => verifyTokenWith(webcrypto), count: 1 }, 9, 300);
// WebCrypto runs each verification on libuv's thread pool, so a single awaited call pays a thread
// round trip; a checkpoint server verifies many codes at once, which this measures.
const IN_FLIGHT = 8;
const pipelined = await compare(
  `webcrypto provider, ${IN_FLIGHT} in flight vs node:crypto`,
  nodeBaseline,
  { run: () => Promise.all(Array.from({ length: IN_FLIGHT }, () => verifyTokenWith(webcrypto))), count: IN_FLIGHT },
  9,
  300,
);

const jsrsasignKey = KEYUTIL.getKey({ ...publicJwk } as unknown as Parameters<typeof KEYUTIL.getKey>[0]) as KJUR.crypto.ECDSA;
const jsrsasign = jsrsasignCryptoProvider();
const pure = await compare(
  'jsrsasign provider vs KJUR.jws.JWS.verify',
  {
    run: () => {
      if (!KJUR.jws.JWS.verify(jws, jsrsasignKey, ['ES256'])) throw new Error('bad');
    },
    count: 1,
  },
  { run: () => verifyTokenWith(jsrsasign), count: 1 },
  5,
  1200,
  // Both sides are synchronous single-threaded JavaScript, so CPU time measures their work exactly
  // and ignores other processes competing for the cores.
  'cpu',
);

const withJit = await measurePureJs({ rounds: 5, ms: 400, jsrsasignMs: 1200, label: '[jit]' });
// Without a JIT, in a child process started with --jitless, on this run's token.
const child = spawnSync(process.execPath, ['--jitless', '--import', 'tsx', join(import.meta.dirname, 'jitless-child.ts')], {
  env: { ...process.env, BENCH_QR_TEXT: qrText },
  encoding: 'utf8',
});
process.stdout.write(child.stdout.split('\nRESULT ')[0]! + '\n');
const resultLine = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
if (!resultLine) throw new Error(`--jitless child failed:\n${child.stderr}`);
const jitless = JSON.parse(resultLine.slice('RESULT '.length)) as PureJsFigures;

// deriveSubjectId through each provider against node:crypto's HMAC over the same text, truncated alike.
const identity = { type: 'resident_id', number: '11010519491231002X' };
const subjectKey = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
const hmacBaseline: Op = {
  run: () => createHmac('sha256', subjectKey).update(normalizeIdentity(identity)).digest().subarray(0, 12).toString('base64url'),
  count: 1,
};
const subjectProviders = { node: nodeCryptoProvider(), webcrypto: webCryptoProvider(), noble: nobleCryptoProvider(), jsrsasign };
const subjectIds = [];
for (const [name, crypto] of Object.entries(subjectProviders)) {
  const c = await compare(`deriveSubjectId (${name} provider) vs node:crypto HMAC`, hmacBaseline, { run: () => deriveSubjectId(identity, subjectKey, { crypto }), count: 1 }, 5, 200, 'cpu');
  subjectIds.push({ name, ...c });
}

const round = (x: number) => Math.round(x * 100) / 100;
const NODE = { name: 'crypto.baseline.node-crypto-verify', opsPerSec: viaDefault.baseline };
const JSRSASIGN = { name: 'crypto.baseline.jsrsasign-jws-verify', opsPerSec: pure.baseline };
// Each candidate is set against the baseline measured in its own alternating rounds.
const against = (c: { baseline: number }, name: string) => ({ name, opsPerSec: c.baseline });
const target = (minRatio: number, c: { ratio: number }) => ({ minRatio, meetsTarget: c.ratio >= minRatio });
const msPerVerify = (opsPerSec: number) => Number((1000 / opsPerSec).toFixed(2));
const pureJsRows = (suffix: string, f: PureJsFigures, maxMs?: number) => [
  benchRow(`crypto.baseline.noble-p256-verify${suffix}`, f.vsRawNoble.baseline, undefined, { clock: 'cpu', msPerVerify: msPerVerify(f.vsRawNoble.baseline) }),
  benchRow(`crypto.verifyCode.noble${suffix}`, f.vsRawNoble.candidate, { name: `crypto.baseline.noble-p256-verify${suffix}`, opsPerSec: f.vsRawNoble.baseline }, {
    clock: 'cpu',
    msPerVerify: msPerVerify(f.vsRawNoble.candidate),
    ...(maxMs === undefined ? {} : { maxMsPerVerify: maxMs }),
    ...target(0.9, f.vsRawNoble),
    meetsTarget: f.vsRawNoble.ratio >= 0.9 && (maxMs === undefined || 1000 / f.vsRawNoble.candidate <= maxMs),
  }),
  benchRow(`crypto.verifyCode.noble-vs-jsrsasign${suffix}`, f.vsJsrsasign.candidate, { name: `crypto.verifyCode.jsrsasign${suffix}`, opsPerSec: f.vsJsrsasign.baseline }, {
    clock: 'cpu',
    jsrsasignMsPerVerify: msPerVerify(f.vsJsrsasign.baseline),
    ...target(5, f.vsJsrsasign),
  }),
];
const rows = [
  ...pureJsRows('', withJit),
  ...pureJsRows('.jitless', jitless, 6),
  benchRow('crypto.baseline.node-crypto-hmac-subject-id', subjectIds[0]!.baseline, undefined, { clock: 'cpu' }),
  ...subjectIds.map((c) =>
    benchRow(`crypto.deriveSubjectId.${c.name}`, c.candidate, { name: 'crypto.baseline.node-crypto-hmac-subject-id', opsPerSec: c.baseline }, { clock: 'cpu' }),
  ),
  benchRow(NODE.name, NODE.opsPerSec),
  benchRow('crypto.verifyCode.default', viaDefault.candidate, NODE, { provider: native.name, ...target(0.7, viaDefault) }),
  benchRow('crypto.diagnostic.webcrypto-subtle-verify', rawSubtle.candidate, against(rawSubtle, NODE.name)),
  benchRow('crypto.verifyCode.webcrypto', serial.candidate, against(serial, NODE.name)),
  benchRow(`crypto.verifyCode.webcrypto.concurrent${IN_FLIGHT}`, pipelined.candidate, against(pipelined, NODE.name)),
  benchRow(JSRSASIGN.name, JSRSASIGN.opsPerSec, undefined, { clock: 'cpu' }),
  benchRow('crypto.verifyCode.jsrsasign', pure.candidate, JSRSASIGN, { clock: 'cpu', ...target(1, pure) }),
];
console.log(
  `ratios (candidate / baseline, higher is better): default provider (${native.name}) ${round(viaDefault.ratio)} (target >= 0.7); ` +
    `jsrsasign ${round(pure.ratio)} (target >= 1.0); information: raw WebCrypto ${round(rawSubtle.ratio)}, ` +
    `webcrypto provider ${round(serial.ratio)} one at a time, ${round(pipelined.ratio)} with ${IN_FLIGHT} in flight`,
);
for (const [label, f, maxMs] of [['with JIT', withJit, undefined], ['--jitless', jitless, 6]] as const) {
  const ms = 1000 / f.vsRawNoble.candidate;
  console.log(
    `${label}: noble provider ${ms.toFixed(2)} ms per verify${maxMs === undefined ? '' : ` (target <= ${maxMs} ms)`}, ` +
      `${round(f.vsRawNoble.ratio)} x raw noble p256.verify (target >= 0.9), ${round(f.vsJsrsasign.ratio)} x jsrsasign provider ` +
      `(target >= 5; jsrsasign ${(1000 / f.vsJsrsasign.baseline).toFixed(1)} ms per verify)`,
  );
}
console.log(`deriveSubjectId vs node:crypto HMAC: ${subjectIds.map((c) => `${c.name} ${round(c.ratio)}`).join(', ')}`);
mergeResults(rows);
