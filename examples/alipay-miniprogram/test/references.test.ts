import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMissingReferences, type ReferenceFs } from '@healthcode/test-utils';

const project = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = join(project, '../../packages');
const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const fs: ReferenceFs = { exists: existsSync, readJson, join, dirname };

// npm references resolve to the workspace package that will be installed under that name.
const workspace = new Map(
  readdirSync(packages)
    .filter((dir) => existsSync(join(packages, dir, 'package.json')))
    .map((dir) => [readJson(join(packages, dir, 'package.json')).name as string, join(packages, dir)]),
);

describe('Alipay example app', () => {
  it('enables component2, which the component’s didUpdate and $id rely on', () => {
    expect(readJson(join(project, 'mini.project.json')).compileOptions.component2).toBe(true);
  });

  it('has every page and component it references', () => {
    const problems = findMissingReferences(
      {
        root: project,
        extensions: ['.axml', '.js'],
        resolve: (reference) => {
          const match = /^(@[^/]+\/[^/]+)\/(.+)$/.exec(reference);
          const dir = match && workspace.get(match[1]!);
          return dir ? join(dir, match![2]!) : undefined;
        },
      },
      fs,
    );
    expect(problems).toEqual([]);
  });

  it('references a component folder the package publishes', () => {
    const pkg = readJson(join(packages, 'adapter-alipay', 'package.json'));
    expect(pkg.files).toContain('miniprogram');
  });
});
