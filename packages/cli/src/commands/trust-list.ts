import { SUPPORTED_ALGORITHMS, signTrustList } from '@healthcode/core/code';
import { verifyTrustList, type TrustList } from '@healthcode/core';
import { type Command, type CommandContext, UsageError } from '../command.js';
import { parseChoice, parseCommandArgs, parseSeconds, requireOption } from '../io/args.js';
import { writeJsonFile, writeTextFile } from '../io/files.js';
import { mergeIssuers, readIssuerEntry } from '../io/issuer-entries.js';
import { newKeyPair, readPrivateKeyFile, readRootKeys } from '../io/keys.js';
import { readSignedTrustList } from '../io/trust-file.js';

const usage = `usage:
  healthcode trust-list init --out DIR [--alg ES256|RS256|PS256] [--force]
      Creates the root key: DIR/root.key.json (private, mode 0600; keep it offline)
      and DIR/root.pub.json (configure it in every verifier).
  healthcode trust-list sign --root FILE --out FILE [--sequence N] [--ttl SECONDS]
                             [--revoke-key KID]... [--revoke-code ID]... ENTRY.json...
      Signs a trust list of the issuer entries written by 'healthcode keygen'. Entries
      with the same issuer id are merged (key rotation). --sequence defaults to the
      current time in seconds, so a later list always has a higher sequence.
  healthcode trust-list show --root FILE... FILE
      Verifies a signed trust list with the root public key and prints it as JSON.`;

async function init(ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs({
    args: ctx.argv,
    options: { out: { type: 'string' }, alg: { type: 'string', default: 'ES256' }, force: { type: 'boolean', default: false } },
  });
  const dir = requireOption(values.out, 'out');
  const { privateJwk, publicJwk } = await newKeyPair(parseChoice(values.alg, SUPPORTED_ALGORITHMS, 'alg'));
  const overwrite = values.force;
  const keyPath = await writeJsonFile(ctx.cwd, `${dir}/root.key.json`, privateJwk, { secret: true, overwrite });
  const pubPath = await writeJsonFile(ctx.cwd, `${dir}/root.pub.json`, publicJwk, { overwrite });
  ctx.stdout(`root key ${publicJwk.kid}\n  private: ${keyPath} (keep offline)\n  public:  ${pubPath}\n`);
  return 0;
}

async function sign(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: ctx.argv,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      out: { type: 'string' },
      sequence: { type: 'string' },
      ttl: { type: 'string' },
      'revoke-key': { type: 'string', multiple: true, default: [] },
      'revoke-code': { type: 'string', multiple: true, default: [] },
    },
  });
  const rootPath = requireOption(values.root, 'root');
  const out = requireOption(values.out, 'out');
  if (positionals.length === 0) throw new UsageError('give at least one issuer entry file (ENTRY.json)');
  if (values.sequence !== undefined && !/^\d+$/.test(values.sequence)) throw new UsageError('--sequence must be a whole number');
  const ttl = values.ttl === undefined ? undefined : parseSeconds(values.ttl, 'ttl');
  const issuedAt = Math.floor(ctx.now().getTime() / 1000);
  const entries = await Promise.all(positionals.map((p) => readIssuerEntry(ctx.cwd, p)));
  const list: TrustList = {
    sequence: values.sequence === undefined ? issuedAt : Number(values.sequence),
    issuedAt,
    ...(ttl === undefined ? {} : { expiresAt: issuedAt + ttl }),
    issuers: mergeIssuers(entries),
    revokedKeyIds: values['revoke-key'],
    revokedCodeIds: values['revoke-code'],
  };
  const { key: rootKey } = await readPrivateKeyFile(ctx.cwd, rootPath, ctx.stderr);
  const signed = await signTrustList(list, rootKey);
  const path = await writeTextFile(ctx.cwd, out, `${signed}\n`, { overwrite: true });
  const keys = list.issuers.reduce((n, i) => n + i.keys.length, 0);
  ctx.stdout(`signed trust list #${list.sequence}: ${list.issuers.length} issuers, ${keys} keys -> ${path}\n`);
  return 0;
}

async function show(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: ctx.argv,
    allowPositionals: true,
    options: { root: { type: 'string', multiple: true } },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one signed trust list file');
  const roots = await readRootKeys(ctx.cwd, values.root);
  const list = await verifyTrustList(await readSignedTrustList(ctx.cwd, positionals[0] as string), roots, { now: ctx.now() });
  ctx.stdout(`${JSON.stringify(list, null, 2)}\n`);
  return 0;
}

const subcommands: Record<string, (ctx: CommandContext) => Promise<number>> = { init, sign, show };

/** `healthcode trust-list init|sign|show`: the root key and signed trust lists. */
export const trustListCommand: Command = {
  name: 'trust-list',
  summary: 'create the root key, sign and inspect trust lists',
  usage,
  run(ctx) {
    const [sub, ...rest] = ctx.argv;
    const handler = sub === undefined ? undefined : subcommands[sub];
    if (!handler) throw new UsageError(sub ? `unknown subcommand '${sub}'` : 'missing subcommand (init, sign or show)');
    return handler({ ...ctx, argv: rest });
  },
};
