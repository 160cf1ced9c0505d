import { SUPPORTED_ALGORITHMS, type TrustedIssuer } from '@healthcode/core/code';
import { type Command, UsageError } from '../command.js';
import { optionsChecked, parseChoice, parseCommandArgs, parseInstant, requireOption } from '../io/args.js';
import { writeJsonFile } from '../io/files.js';
import { issuerKeyFileJson, newKeyPair } from '../io/keys.js';

const usage = `usage: healthcode keygen --issuer ID --region CODE --out DIR [--name NAME]
                        [--alg ES256|RS256|PS256] [--kid KID] [--not-before ISO-TIME] [--force]
  Writes DIR/ID.key.json, the issuer's private JWK (mode 0600) with two extra members,
  "issuer" and "region", that 'healthcode issue' uses as defaults; and DIR/ID.pub.json,
  the issuer's trust-list entry { id, name, regions, keys: [{ jwk, notBefore }] }.
  --region (a six-digit GB/T 2260 code; 310000 covers all of Shanghai) may be repeated;
  the first one is the default region of issued codes.
  To rotate a key, run keygen again into another DIR and sign the list with both entries.
  --kid defaults to the key's RFC 7638 thumbprint; --not-before defaults to now.`;

/** Issuer ids become file names and URL parts: keep them to a safe alphabet. */
const ISSUER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A GB/T 2260 division code, as the code format requires; checked here so that a typo fails now, not at signing. */
const REGION = /^[1-9]\d{5}$/;

/** `healthcode keygen`: a new signing key for an issuer, and its trust-list entry. */
export const keygenCommand: Command = {
  name: 'keygen',
  summary: "generate an issuer's signing key and its trust-list entry",
  usage,
  async run(ctx) {
    const { values } = parseCommandArgs({
      args: ctx.argv,
      options: {
        issuer: { type: 'string' },
        region: { type: 'string', multiple: true },
        out: { type: 'string' },
        name: { type: 'string' },
        alg: { type: 'string', default: 'ES256' },
        kid: { type: 'string' },
        'not-before': { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
    const issuer = requireOption(values.issuer, 'issuer');
    if (!ISSUER_ID.test(issuer)) throw new UsageError(`--issuer '${issuer}' may use only letters, digits, '.', '_' and '-'`);
    const regions = values.region ?? [];
    if (regions.length === 0) throw new UsageError('--region is required');
    const badRegion = regions.find((r) => !REGION.test(r));
    if (badRegion !== undefined) throw new UsageError(`--region must be a six-digit GB/T 2260 code such as 310000, got '${badRegion}'`);
    const dir = requireOption(values.out, 'out');
    const alg = parseChoice(values.alg, SUPPORTED_ALGORITHMS, 'alg');
    const notBefore = values['not-before'] === undefined ? ctx.now() : parseInstant(values['not-before'], 'not-before');

    const { privateJwk, publicJwk } = await optionsChecked(newKeyPair(alg, values.kid));
    const entry: TrustedIssuer = {
      id: issuer,
      name: values.name ?? issuer,
      regions,
      keys: [{ jwk: publicJwk, notBefore: Math.floor(notBefore.getTime() / 1000) }],
    };
    const overwrite = values.force;
    const keyFile = issuerKeyFileJson({ key: privateJwk, issuer, region: regions[0] as string });
    const keyPath = await writeJsonFile(ctx.cwd, `${dir}/${issuer}.key.json`, keyFile, { secret: true, overwrite });
    const entryPath = await writeJsonFile(ctx.cwd, `${dir}/${issuer}.pub.json`, entry, { overwrite });
    ctx.stdout(`issuer ${issuer} key ${publicJwk.kid} (${alg})\n  private: ${keyPath}\n  entry:   ${entryPath}\n`);
    return 0;
  },
};
