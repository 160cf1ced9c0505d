import { readTextFile } from './files.js';
import { CliInputError } from './cli-input-error.js';

/**
 * Reads a signed trust list: either the compact JWS that `trust-list sign` writes,
 * or the JSON body of the service's `GET /v1/trust-list` (`{ "signed": "…" }`),
 * so a list downloaded with curl can be used as is.
 */
export async function readSignedTrustList(cwd: string, path: string): Promise<string> {
  const text = (await readTextFile(cwd, path)).trim();
  if (!text.startsWith('{')) return text;
  let signed: unknown;
  try {
    signed = (JSON.parse(text) as { signed?: unknown }).signed;
  } catch (cause) {
    throw new CliInputError('cli/not_json', `${path} is neither a compact JWS nor JSON`, { cause });
  }
  if (typeof signed !== 'string') throw new CliInputError('cli/invalid_entry', `${path} has no "signed" member`);
  return signed;
}
