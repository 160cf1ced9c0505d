#!/usr/bin/env node
// Lets `npm start` / `npm test` work on a machine that has only Node and npm:
// installs the pinned pnpm and the workspace dependencies when they are missing,
// then hands over to `pnpm run <script>`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/bootstrap.mjs <script> [args…]');
  process.exit(2);
}

const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = packageManager.split('@')[1];

const env = { ...process.env };
// Native addons (better-sqlite3) build against the headers that ship with this
// Node; without this, node-gyp tries to download them, which fails offline.
const nodeHeaders = join(dirname(process.execPath), '..', 'include', 'node');
if (!env.npm_config_nodedir && existsSync(nodeHeaders)) env.npm_config_nodedir = join(nodeHeaders, '..', '..');

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root, env, ...opts });
  if (r.error) return { ok: false, status: 1, error: r.error };
  return { ok: r.status === 0, status: r.status ?? 1 };
}

function installedPnpmVersion() {
  const r = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env });
  return r.status === 0 ? r.stdout.trim() : null;
}

const have = installedPnpmVersion();
if (have !== pnpmVersion) {
  console.error(`[bootstrap] installing pnpm@${pnpmVersion} (found ${have ?? 'none'})`);
  const r = run('npm', ['install', '--global', `pnpm@${pnpmVersion}`]);
  if (!r.ok) {
    console.error('[bootstrap] could not install pnpm globally; run `npm install --global pnpm@' + pnpmVersion + '` and try again');
    process.exit(r.status);
  }
}

// Install when node_modules was made from another lockfile (or never): the stamp holds
// the hash of the lockfile the last successful install used.
const stamp = join(root, 'node_modules', '.healthcode-lock-hash');
const lockHash = createHash('sha256')
  .update(readFileSync(join(root, 'pnpm-lock.yaml')))
  .digest('hex');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  console.error('[bootstrap] installing dependencies (pnpm install --frozen-lockfile)');
  const r = run('pnpm', ['install', '--frozen-lockfile']);
  if (!r.ok) process.exit(r.status);
  writeFileSync(stamp, lockHash);
}

const r = run('pnpm', ['--silent', 'run', script, ...args]);
process.exit(r.status);
