import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMissingReferences, type ReferenceFs } from '@healthcode/test-utils';

const project = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const fs: ReferenceFs = { exists: existsSync, readJson, join, dirname };

const config = readJson(join(project, 'project.config.json'));
const pluginRoot = join(project, config.pluginRoot);
const plugin = readJson(join(pluginRoot, 'plugin.json'));

describe('WeChat example app', () => {
  it('is a plugin project whose plugin declares its public component and main file', () => {
    expect(config.compileType).toBe('plugin');
    expect(plugin.publicComponents['health-code']).toBeDefined();
    expect(existsSync(join(pluginRoot, plugin.main))).toBe(true);
  });

  it('uses the plugin it declares in app.json', () => {
    const app = readJson(join(project, config.miniprogramRoot, 'app.json'));
    expect(Object.keys(app.plugins)).toEqual(['healthcode']);
  });

  it('has every page and component it references', () => {
    const problems = findMissingReferences(
      {
        root: join(project, config.miniprogramRoot),
        extensions: ['.wxml', '.js'],
        resolve: (reference) => {
          const match = /^plugin:\/\/healthcode\/(.+)$/.exec(reference);
          const path = match && plugin.publicComponents[match[1]!];
          return path ? join(pluginRoot, path) : undefined;
        },
      },
      fs,
    );
    expect(problems).toEqual([]);
  });
});

describe('findMissingReferences', () => {
  it('reports a missing page template and an unresolvable component', () => {
    const files: Record<string, unknown> = {
      '/app/app.json': { pages: ['pages/a/a'] },
      '/app/pages/a/a.json': { usingComponents: { x: 'plugin://other/x', y: '../../components/y/y' } },
      '/app/pages/a/a.js': '',
      '/app/components/y/y.json': {},
      '/app/components/y/y.wxml': '',
      '/app/components/y/y.js': '',
    };
    const memory: ReferenceFs = { exists: (p) => p in files, readJson: (p) => files[p], join, dirname };
    expect(findMissingReferences({ root: '/app', extensions: ['.wxml', '.js'] }, memory)).toEqual([
      'page pages/a/a: missing /app/pages/a/a.wxml',
      'page pages/a/a: cannot resolve <x> = plugin://other/x',
    ]);
  });
});
