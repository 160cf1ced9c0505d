import { TrustListError, verifyCode, verifyTrustList, type TrustList } from '@healthcode/core';
import type { Command } from '../command.js';
import { parseCommandArgs, parseInstant, requireOption } from '../io/args.js';
import { readRootKeys } from '../io/keys.js';
import { readTextArgument } from '../io/text-arg.js';
import { readSignedTrustList } from '../io/trust-file.js';

const usage = `usage: healthcode verify QRTEXT|- --trust FILE --root FILE... [--at ISO-TIME]
  Verifies the trust list (FILE: the JWS from 'trust-list sign', or the JSON of
  GET /v1/trust-list) with the root public key, then the code against it, and prints
  the result as JSON. --at checks as of another time (default: now). - reads stdin.
  Repeat --root during a root key rotation: the list may be signed by any of them.
  Exit status: 0 valid, 1 invalid (or the trust list was rejected), 2 usage error.`;

/** `healthcode verify`: what a checkpoint decides about one QR text. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify a QR text against a signed trust list',
  usage,
  async run(ctx) {
    const { values, positionals } = parseCommandArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: { trust: { type: 'string' }, root: { type: 'string', multiple: true }, at: { type: 'string' } },
    });
    const trustPath = requireOption(values.trust, 'trust');
    const roots = await readRootKeys(ctx.cwd, values.root);
    const now = values.at === undefined ? ctx.now() : parseInstant(values.at, 'at');
    const qrText = await readTextArgument(ctx, positionals, 'QR text');

    let trust: TrustList;
    try {
      trust = await verifyTrustList(await readSignedTrustList(ctx.cwd, trustPath), roots, { now });
    } catch (err) {
      // No code can be judged without a trusted list: say why on stderr, print no result.
      if (!(err instanceof TrustListError)) throw err;
      ctx.stderr(`healthcode verify: trust list rejected (${err.code}): ${err.message}\n`);
      return 1;
    }
    const result = await verifyCode(qrText, { trust, now });
    ctx.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return result.valid ? 0 : 1;
  },
};
