// Started by crypto.bench.ts as `node --jitless`: measures the pure-JavaScript providers without a
// JIT and prints the figures as the last line, after the RESULT marker.
import { measurePureJs } from './pure-js-es256.js';

const figures = await measurePureJs({ rounds: 3, ms: 400, jsrsasignMs: 1000, label: '[--jitless]' });
console.log(`RESULT ${JSON.stringify(figures)}`);
