import type { FormField } from '@healthcode/core';

/** The user's inputs, per field id; a list field holds one such map per item. */
export type FieldValues = Map<string, unknown>;

type Answers = Record<string, unknown>;

/** Reads a dot path (`a.b.0.c`) from nested objects and arrays. */
export function getPath(source: unknown, path: string): unknown {
  let current = source;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function setPath(target: Answers, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    current = (next && typeof next === 'object' ? next : (current[key] = {})) as Answers;
  }
  current[keys[keys.length - 1]!] = value;
}

/**
 * Whether `field` is shown: every condition must hold, read from the field's own scope
 * (a list item) first, then from the whole form.
 */
export function isVisible(field: FormField, scope: unknown, root: unknown): boolean {
  return (field.visibleWhen ?? []).every((c) => {
    const value = getPath(scope, c.path);
    return (value === undefined ? getPath(root, c.path) : value) === c.equals;
  });
}

/**
 * The answers object to send: only visible fields with a value count, so answers of a
 * branch the user left (e.g. passport fields after switching to an ID card) disappear.
 * Visibility depends on answers and answers on visibility, hence the few rounds until
 * nothing changes (conditions only ever chain a couple of levels deep).
 */
export function collectAnswers(fields: FormField[], values: FieldValues, root?: () => unknown): Answers {
  let answers: Answers = {};
  for (let round = 0; round < 6; round++) {
    const next: Answers = {};
    const rootNow = root ? root() : answers;
    for (const field of fields) {
      if (!isVisible(field, answers, rootNow)) continue;
      const value = valueOf(field, values, () => rootNow);
      if (value !== undefined) setPath(next, field.path, value);
    }
    if (JSON.stringify(next) === JSON.stringify(answers)) break;
    answers = next;
  }
  return answers;
}

function valueOf(field: FormField, values: FieldValues, root: () => unknown): unknown {
  const value = values.get(field.id);
  if (field.type !== 'list') return value;
  const items = (value as FieldValues[] | undefined) ?? [];
  return items.map((item) => collectAnswers(field.itemFields ?? [], item, root));
}
