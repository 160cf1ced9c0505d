// The error code space, checked from the sources: every HealthCodeError subclass's codes
// are unique across classes and namespaced (`host/network`), except the API's wire codes,
// which are a contract and stay bare; and no published package throws a plain Error.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with rollup.config.mjs
import { root, sourceEntries, workspacePackages } from '../scripts/workspace.mjs';

const entries = Object.values(sourceEntries() as Record<string, string>);
const program = ts.createProgram(entries, {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  baseUrl: root,
  paths: (JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: ts.MapLike<string[]> } })
    .compilerOptions.paths,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const published = (workspacePackages() as { dir: string; private: boolean }[]).filter((p) => !p.private).map((p) => join(p.dir, 'src'));
const sources = program.getSourceFiles().filter((f) => published.some((dir) => f.fileName.startsWith(dir)));

/** Each HealthCodeError subclass with the string literal codes its type argument allows. */
function errorClasses(): { name: string; file: string; codes: string[] }[] {
  const found: { name: string; file: string; codes: string[] }[] = [];
  for (const file of sources) {
    file.forEachChild(function visit(node) {
      if (ts.isClassDeclaration(node) && node.name) {
        const base = node.heritageClauses?.flatMap((h) => h.types).find((t) => t.expression.getText(file) === 'HealthCodeError');
        const arg = base?.typeArguments?.[0];
        if (arg) {
          const type = checker.getTypeFromTypeNode(arg);
          const parts = type.isUnion() ? type.types : [type];
          const codes = parts.filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value);
          found.push({ name: node.name.text, file: relative(root, file.fileName), codes });
        }
      }
      node.forEachChild(visit);
    });
  }
  return found;
}

describe('the error code space', () => {
  const classes = errorClasses();

  it('finds the error classes of every published package', () => {
    expect(classes.map((c) => c.name)).toEqual(expect.arrayContaining(['ApiError', 'HostError', 'ClientError', 'CryptoError', 'TrustListError']));
    for (const c of classes) expect(c.codes.length, c.name).toBeGreaterThan(0);
  });

  it('gives every code to exactly one class', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of classes) {
      for (const code of c.codes) {
        const other = owner.get(code);
        if (other && other !== c.name) clashes.push(`${code}: ${other} and ${c.name}`);
        owner.set(code, c.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('namespaces every code but the API wire codes, one namespace per area', () => {
    const bare = classes.flatMap((c) => c.codes.filter((code) => !code.includes('/')).map((code) => `${c.name}: ${code}`));
    expect(bare.every((b) => b.startsWith('ApiError: '))).toBe(true);
    for (const c of classes) {
      const spaces = new Set(c.codes.filter((code) => code.includes('/')).map((code) => code.split('/')[0]));
      expect(spaces.size, `${c.name} uses ${[...spaces].join(', ')}`).toBeLessThanOrEqual(1);
    }
  });

  it('throws no plain Error, TypeError or RangeError from a published package', () => {
    const plain: string[] = [];
    for (const file of sources) {
      if (/\/(bin|main)\.ts$/.test(file.fileName)) continue;
      file.forEachChild(function visit(node) {
        if (ts.isThrowStatement(node) && node.expression && ts.isNewExpression(node.expression)) {
          const name = node.expression.expression.getText(file);
          if (['Error', 'TypeError', 'RangeError'].includes(name)) {
            plain.push(`${relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
          }
        }
        node.forEachChild(visit);
      });
    }
    expect(plain).toEqual([]);
  });
});
