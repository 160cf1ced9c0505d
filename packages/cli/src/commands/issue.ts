import { DEFAULT_CODE_TTL_SECONDS, issueCode, type IssueCodeInput } from '@healthcode/core/code';
import { HEALTH_STATUSES } from '@healthcode/core';
import { maskName } from '@healthcode/core/privacy';
import { type Command, UsageError } from '../command.js';
import { optionsChecked, parseChoice, parseCommandArgs, parseSeconds, requireOption } from '../io/args.js';
import { readPrivateKeyFile } from '../io/keys.js';

const usage = `usage: healthcode issue --key FILE --status green|yellow|red --subject ID
                       [--name NAME] [--doc-tail NNNN] [--ttl SECONDS] [--code-id ID]
                       [--issuer ID] [--region CODE]
  Signs a health code with an issuer key written by 'healthcode keygen' and prints its
  QR text. --issuer and --region default to the "issuer" and "region" members of the
  key file. --name is masked before it goes into the code (张三丰 -> 张*丰; without it
  the code shows '*'); --doc-tail is the last 1-4 characters of the identity document.
  --subject must be a pseudonymous id (8-64 base64url characters, e.g. from
  deriveSubjectId), never an identity number. --ttl defaults to ${DEFAULT_CODE_TTL_SECONDS} seconds.`;

const DOC_TAIL = /^[0-9A-Za-z]{1,4}$/;

/** `healthcode issue`: sign one health code and print its QR text. */
export const issueCommand: Command = {
  name: 'issue',
  summary: 'sign a health code and print its QR text',
  usage,
  async run(ctx) {
    const { values } = parseCommandArgs({
      args: ctx.argv,
      options: {
        key: { type: 'string' },
        status: { type: 'string' },
        subject: { type: 'string' },
        name: { type: 'string' },
        'doc-tail': { type: 'string' },
        ttl: { type: 'string' },
        'code-id': { type: 'string' },
        issuer: { type: 'string' },
        region: { type: 'string' },
      },
    });
    const keyPath = requireOption(values.key, 'key');
    const status = parseChoice(requireOption(values.status, 'status'), HEALTH_STATUSES, 'status');
    const subject = requireOption(values.subject, 'subject');
    const docTail = values['doc-tail'];
    if (docTail !== undefined && !DOC_TAIL.test(docTail)) throw new UsageError('--doc-tail must be 1 to 4 letters or digits');
    const ttlSeconds = values.ttl === undefined ? undefined : parseSeconds(values.ttl, 'ttl');

    const keyFile = await readPrivateKeyFile(ctx.cwd, keyPath, ctx.stderr);
    const issuer = values.issuer ?? keyFile.issuer;
    const region = values.region ?? keyFile.region;
    if (!issuer) throw new UsageError(`--issuer is required: ${keyPath} does not record one`);
    if (!region) throw new UsageError(`--region is required: ${keyPath} does not record one`);

    const input: IssueCodeInput = {
      issuer,
      subject,
      status,
      region,
      display: {
        name: values.name === undefined ? '*' : maskName(values.name),
        ...(docTail ? { documentTail: docTail.toUpperCase() } : {}),
      },
      issuedAt: ctx.now(),
      ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
      ...(values['code-id'] === undefined ? {} : { codeId: values['code-id'] }),
    };
    ctx.stdout(`${await optionsChecked(issueCode(input, { key: keyFile.key }))}\n`);
    return 0;
  },
};
