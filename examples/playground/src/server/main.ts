/**
 * `pnpm --filter @healthcode/playground start`: the reference server with the
 * playground pages, data under `examples/playground/data/` (or PLAYGROUND_DATA_DIR),
 * on PORT (default 8787). PLAYGROUND_FOREIGN_TRUST names a JSON file of trust for foreign
 * certificates at the checkpoint: `{ "euDcc": { "certificates": [...] }, "shc": { "issuers": [...] },
 * "nzcp": { "didDocuments": [...] } }` (see docs/foreign-certificates.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPlayground } from './start-playground.js';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid PORT: ${process.env.PORT}`);
  const dataDir = process.env.PLAYGROUND_DATA_DIR ?? fileURLToPath(new URL('../../data/', import.meta.url));
  const trustFile = process.env.PLAYGROUND_FOREIGN_TRUST;
  const foreignTrust = trustFile ? JSON.parse(readFileSync(trustFile, 'utf8')) : undefined;
  const playground = await startPlayground({ dataDir, port, host: process.env.HOST, foreignTrust });
  const { url, demo } = playground;
  console.log(
    [
      '',
      'HealthCode playground is running.',
      '',
      `  App (simulated WeChat / Alipay / Suishenban): ${url}/`,
      `  Checkpoint (scan and verify):                 ${url}/checkpoint.html`,
      `  Dashboard (demo organisation, one click):     ${playground.demoDashboardLink}`,
      `    or open ${playground.dashboardUrl} and enter`,
      `    organisation id: ${demo.orgId} ("${demo.orgName}")`,
      `    admin token:     ${demo.adminToken}`,
      '',
      `  Demo employee's ID card number (declare with it to count as staff): ${demo.employeeDocument.number}`,
      `  Data directory: ${dataDir}`,
      '',
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
  const stop = () => void playground.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
