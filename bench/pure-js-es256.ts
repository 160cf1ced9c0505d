// ES256 in pure JavaScript, as engines without WebCrypto run it: the noble provider (verifyCode,
// the full pipeline) against raw @noble/curves `p256.verify` and against the jsrsasign provider,
// on the bench token. Run with a JIT by crypto.bench.ts and without one (`node --jitless`, standing
// in for engines such as iOS's JavaScriptCore in mini-programs) by jitless-child.ts.
import { p256 } from '@noble/curves/nist.js';
import { jsrsasignCryptoProvider, nobleCryptoProvider } from '@healthcode/core/code';
import { publicJwk, signature, signingInput, verifyTokenWith } from './bench-token.js';
import { compare, type Op } from './measure.js';

/** Ratios and rates of the pure-JavaScript providers, one process. */
export interface PureJsFigures {
  vsRawNoble: { baseline: number; candidate: number; ratio: number };
  vsJsrsasign: { baseline: number; candidate: number; ratio: number };
}

export async function measurePureJs(opts: { rounds: number; ms: number; jsrsasignMs: number; label: string }): Promise<PureJsFigures> {
  const publicKey = Uint8Array.from([4, ...Buffer.from(publicJwk.x!, 'base64url'), ...Buffer.from(publicJwk.y!, 'base64url')]);
  const rawNoble: Op = {
    run: () => {
      if (!p256.verify(signature, signingInput, publicKey, { prehash: true, lowS: false, format: 'compact' })) throw new Error('bad');
    },
    count: 1,
  };
  const noble = nobleCryptoProvider();
  const jsrsasign = jsrsasignCryptoProvider();
  const viaNoble: Op = { run: () => verifyTokenWith(noble), count: 1 };
  // Both sides are single-threaded JavaScript, so CPU time measures their work and ignores other processes.
  const vsRawNoble = await compare(`${opts.label} noble provider vs raw noble p256.verify`, rawNoble, viaNoble, opts.rounds, opts.ms, 'cpu');
  const vsJsrsasign = await compare(
    `${opts.label} noble provider vs jsrsasign provider`,
    { run: () => verifyTokenWith(jsrsasign), count: 1 },
    viaNoble,
    opts.rounds,
    opts.jsrsasignMs,
    'cpu',
  );
  return { vsRawNoble, vsJsrsasign };
}
