// Verification throughput: verifyCode (the full pipeline, from QR text) with each crypto provider
// beside the raw library call it wraps, on the same token. Ratio = opsPerSec / baseline opsPerSec
// (higher is better). Targets: the default native provider (node:crypto in Node 20.16+) >= 0.7 x
// node:crypto `verify`; jsrsasign provider >= 1.0 x KJUR.jws.JWS.verify. The WebCrypto rows are
// information: WebCrypto itself runs below node:crypto here (a thread-pool round trip per call).
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import {
  decodeQrText,
  defaultCryptoProvider,
  issueCode,
  jsrsasignCryptoProvider,
  signTrustList,
  toPublicJwk,
  webCryptoProvider,
  type CryptoProvider,
} from '@healthcode/core/code';
import { verifyCode, verifyTrustList, type TrustList } from '@healthcode/core';
import { TEST_ISSUER_KEY, TEST_ROOT_KEY } from '@healthcode/test-utils';
import { KEYUTIL, KJUR } from 'jsrsasign';
import { benchRow, mergeResults } from './results.js';

const now = new Date('2026-11-18T08:01:00Z');
const publicJwk = toPublicJwk(TEST_ISSUER_KEY);
const list: TrustList = {
  sequence: 1,
  issuedAt: Math.floor(now.getTime() / 1000) - 3600,
  issuers: [{ id: 'cn-310000', name: 'Shanghai', regions: ['310000'], keys: [{ jwk: publicJwk }] }],
  revokedKeyIds: [],
  revokedCodeIds: [],
};
// As a verifier gets it: signed by the root and checked, hence frozen and indexed once.
const trust = await verifyTrustList(await signTrustList(list, TEST_ROOT_KEY), toPublicJwk(TEST_ROOT_KEY), { now });
const qrText = await issueCode(
  {
    issuer: 'cn-310000',
    subject: 'q3Vx9KpL2mTz8RwA',
    status: 'green',
    region: '310000',
    display: { name: '张*三', documentTail: '1234' },
    issuedAt: new Date('2026-11-18T08:00:00Z'),
  },
  { key: TEST_ISSUER_KEY },
);
const { jws } = decodeQrText(qrText);
const [h, p, s] = jws.split('.') as [string, string, string];
const signingInput = Buffer.from(`${h}.${p}`);
const signature = Buffer.from(s, 'base64url');

/** An operation and how many verifications one call performs. */
interface Op {
  run: () => unknown;
  count: number;
}

/** Which clock a comparison uses: wall time, or this process's CPU time (immune to other processes). */
type Clock = 'wall' | 'cpu';
const clocks: Record<Clock, () => number> = {
  wall: () => performance.now(),
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

/** Runs `op` back to back for about `ms` milliseconds of `clock`; returns verifications per second. */
async function opsPerSecond(ms: number, op: Op, clock: Clock): Promise<number> {
  const read = clocks[clock];
  let n = 0;
  const start = read();
  let elapsed = 0;
  do {
    for (let i = 0; i < 4; i++) await op.run();
    n += 4 * op.count;
    elapsed = read() - start;
  } while (elapsed < ms);
  return (n * 1000) / elapsed;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Measures a candidate against its baseline in alternating rounds and reports medians, so that load
 * from other processes hits both sides alike (a shared CI box is noisy).
 */
async function compare(label: string, baseline: Op, candidate: Op, rounds: number, ms: number, clock: Clock = 'wall') {
  await opsPerSecond(ms, baseline, clock);
  await opsPerSecond(ms, candidate, clock);
  const base: number[] = [];
  const cand: number[] = [];
  for (let r = 0; r < rounds; r++) {
    base.push(await opsPerSecond(ms, baseline, clock));
    cand.push(await opsPerSecond(ms, candidate, clock));
  }
  const result = { baseline: median(base), candidate: median(cand) };
  const ratio = result.candidate / result.baseline;
  const fmt = (x: number) => x.toFixed(x < 100 ? 1 : 0).padStart(8);
  console.log(`${label} [${clock} clock]: baseline ${fmt(result.baseline)} ops/s, candidate ${fmt(result.candidate)} ops/s, ratio ${ratio.toFixed(2)}`);
  return { ...result, ratio };
}

async function verifyWith(crypto: CryptoProvider): Promise<void> {
  const r = await verifyCode(qrText, { trust, now, crypto });
  if (!r.valid) throw new Error(`bench token did not verify: ${r.reason}`);
}

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
  { run: () => verifyWith(native), count: 1 },
  9,
  300,
);

const webcrypto = webCryptoProvider();
const serial = await compare('webcrypto provider, one at a time vs node:crypto', nodeBaseline, { run: () => verifyWith(webcrypto), count: 1 }, 9, 300);
// WebCrypto runs each verification on libuv's thread pool, so a single awaited call pays a thread
// round trip; a checkpoint server verifies many codes at once, which this measures.
const IN_FLIGHT = 8;
const pipelined = await compare(
  `webcrypto provider, ${IN_FLIGHT} in flight vs node:crypto`,
  nodeBaseline,
  { run: () => Promise.all(Array.from({ length: IN_FLIGHT }, () => verifyWith(webcrypto))), count: IN_FLIGHT },
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
  { run: () => verifyWith(jsrsasign), count: 1 },
  5,
  1200,
  // Both sides are synchronous single-threaded JavaScript, so CPU time measures their work exactly
  // and ignores other processes competing for the cores.
  'cpu',
);

const round = (x: number) => Math.round(x * 100) / 100;
const NODE = { name: 'crypto.baseline.node-crypto-verify', opsPerSec: viaDefault.baseline };
const JSRSASIGN = { name: 'crypto.baseline.jsrsasign-jws-verify', opsPerSec: pure.baseline };
// Each candidate is set against the baseline measured in its own alternating rounds.
const against = (c: { baseline: number }, name: string) => ({ name, opsPerSec: c.baseline });
const target = (minRatio: number, c: { ratio: number }) => ({ minRatio, meetsTarget: c.ratio >= minRatio });
const rows = [
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
mergeResults(rows);
