/** The file operations {@link findMissingReferences} needs (injected: test-utils has no Node types). */
export interface ReferenceFs {
  exists(path: string): boolean;
  readJson(path: string): unknown;
  join(...parts: string[]): string;
  dirname(path: string): string;
}

/** Where a mini-program lives and which files make up a page or component. */
export interface MiniProgramLayout {
  /** Directory holding `app.json`. */
  root: string;
  /** Files every page and component needs besides `.json`, e.g. `['.wxml', '.js']`. */
  extensions: string[];
  /**
   * Resolves references that are not plain paths (`plugin://…`, npm package paths) to a
   * path without extension; `undefined` means the reference cannot be resolved.
   */
  resolve?(reference: string): string | undefined;
}

interface Usage {
  usingComponents?: Record<string, string>;
}

/**
 * Lists every page in `app.json` and every component reachable through `usingComponents`
 * whose files are missing; an empty list means the project is complete.
 */
export function findMissingReferences(layout: MiniProgramLayout, fs: ReferenceFs): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (base: string, what: string): void => {
    if (seen.has(base)) return;
    seen.add(base);
    const missing = ['.json', ...layout.extensions].filter((ext) => !fs.exists(`${base}${ext}`));
    if (missing.length > 0) {
      problems.push(`${what}: missing ${missing.map((ext) => `${base}${ext}`).join(', ')}`);
      if (missing.includes('.json')) return;
    }
    const usage = fs.readJson(`${base}.json`) as Usage;
    for (const [tag, reference] of Object.entries(usage.usingComponents ?? {})) {
      const target = resolveReference(layout, fs, fs.dirname(base), reference);
      if (target === undefined) problems.push(`${what}: cannot resolve <${tag}> = ${reference}`);
      else visit(target, `<${tag}> (${reference})`);
    }
  };
  const app = fs.readJson(fs.join(layout.root, 'app.json')) as { pages?: string[] };
  if (!app.pages?.length) problems.push('app.json lists no pages');
  for (const page of app.pages ?? []) visit(fs.join(layout.root, page), `page ${page}`);
  return problems;
}

function resolveReference(layout: MiniProgramLayout, fs: ReferenceFs, dir: string, reference: string): string | undefined {
  if (reference.startsWith('/')) return fs.join(layout.root, reference);
  if (reference.startsWith('.')) return fs.join(dir, reference);
  return layout.resolve?.(reference);
}
