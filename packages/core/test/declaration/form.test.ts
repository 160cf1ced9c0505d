import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CURRENT_FORM_VERSION, FORM_VERSIONS, LOCALES, createDeclarationSchema } from '@healthcode/core/declaration';
import { type FormField, buildFormDescriptor, localizeFormDescriptor, validateDeclaration } from '@healthcode/core';
import { NOW, residentAnswers } from './fixtures.js';

type JsonSchema = {
  type?: string;
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
};

/**
 * Field ids (`path`, `path@branch`, `list[].item`) with their required flag,
 * read from zod's own JSON Schema export: an oracle independent of the form builder.
 */
function schemaFields(schema: JsonSchema, path: string, required: boolean, branch?: unknown): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const add = (entries: Map<string, boolean>) => entries.forEach((v, k) => out.set(k, v));
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const options = schema.oneOf ?? schema.anyOf;
  if (options) {
    const discriminator = Object.keys(options[0]?.properties ?? {}).find((k) => options.every((o) => o.properties?.[k]?.const !== undefined))!;
    out.set(at(discriminator), required);
    for (const option of options) {
      const value = option.properties![discriminator]!.const;
      for (const [key, child] of Object.entries(option.properties!)) {
        if (key !== discriminator) add(schemaFields(child, at(key), option.required?.includes(key) ?? false, value));
      }
    }
  } else if (schema.type === 'object') {
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      add(schemaFields(child, at(key), schema.required?.includes(key) ?? false, branch));
    }
  } else if (schema.type === 'array' && schema.items?.type === 'object') {
    out.set(path, required);
    add(schemaFields(schema.items, `${path}[]`, true));
  } else {
    out.set(branch === undefined ? path : `${path}@${String(branch)}`, required);
  }
  return out;
}

function descriptorFields(fields: readonly FormField[]): Map<string, boolean> {
  return new Map(fields.flatMap((f) => [[f.id, f.required] as const, ...descriptorFields(f.itemFields ?? [])]));
}

function allFields(version?: string): FormField[] {
  return buildFormDescriptor({ version }).sections.flatMap((s) => s.fields);
}

function field(id: string): FormField {
  const found = allFields().find((f) => f.id === id);
  if (!found) throw new Error(`no field ${id}`);
  return found;
}

describe('buildFormDescriptor', () => {
  it('describes every schema field, and nothing else, with the same required flags', () => {
    const oracle = schemaFields(z.toJSONSchema(createDeclarationSchema()) as JsonSchema, '', true);
    expect(oracle.size).toBeGreaterThan(20);
    expect(Object.fromEntries(descriptorFields(allFields()))).toEqual(Object.fromEntries(oracle));
  });

  it('is plain JSON', () => {
    const descriptor = buildFormDescriptor();
    expect(JSON.parse(JSON.stringify(descriptor))).toEqual(descriptor);
  });

  it('describes the current version by default', () => {
    expect(buildFormDescriptor().version).toBe(CURRENT_FORM_VERSION);
  });

  it.each(FORM_VERSIONS.map((v) => v.version))('has a label and help in every locale for each field of version %s', (version) => {
    const descriptor: unknown = buildFormDescriptor({ version });
    const localized: Record<string, string>[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if ('en' in v) localized.push(v as Record<string, string>);
        else Object.values(v).forEach(walk);
      }
    };
    walk(descriptor);
    expect(localized.length).toBeGreaterThan(40);
    for (const text of localized) {
      for (const locale of LOCALES) expect(text[locale]?.trim()).toBeTruthy();
    }
  });

  it('shows a permit number only for that document type', () => {
    expect(field('identityDocument.number@hk_macau_permit').visibleWhen).toEqual([
      { path: 'identityDocument.type', equals: 'hk_macau_permit' },
    ]);
    expect(field('identityDocument.number@hk_macau_permit').path).toBe('identityDocument.number');
  });

  it('shows arrival fields only to people who are returning', () => {
    for (const id of ['returning.arrivalDate@true', 'returning.origin@true', 'returning.transport@true']) {
      expect(field(id).visibleWhen).toEqual([{ path: 'returning.isReturning', equals: true }]);
    }
    expect(field('returning.isReturning').visibleWhen).toBeUndefined();
  });

  it('gives types, options and bounds hosts need to render', () => {
    expect(field('health.temperature')).toMatchObject({ type: 'number', min: 34, max: 43, step: 0.1, unit: '°C' });
    expect(field('health.symptoms')).toMatchObject({ type: 'multiselect', exclusiveOptions: ['none'], minItems: 1 });
    expect(field('identityDocument.type').options?.map((o) => o.value)).toEqual([
      'resident_id_card', 'passport', 'hk_macau_permit', 'taiwan_permit', 'foreign_permanent_resident_id',
    ]);
    expect(field('travel.places')).toMatchObject({ type: 'list', maxItems: 20 });
    expect(field('travel.places').itemFields?.map((f) => [f.path, f.type])).toEqual([
      ['region', 'region'], ['from', 'date'], ['to', 'date'],
    ]);
    expect(field('returning.transportNumber@true').required).toBe(false);
  });

  it('refuses an unknown version with a stable code', () => {
    expect(() => buildFormDescriptor({ version: '0.9' })).toThrow(expect.objectContaining({ code: 'form/unknown_form_version' }));
  });

  it('keeps one locale when localized', () => {
    const en = localizeFormDescriptor(buildFormDescriptor(), 'en');
    expect(en.locale).toBe('en');
    expect(en.title).toBe('Health declaration');
    expect(en.sections[0]?.fields[0]?.label).toBe('Full name');
    expect(en.sections[1]?.fields[1]?.options?.[0]?.label).toBe('None');
  });
});

describe('form versions', () => {
  const olderAnswers = () => {
    const answers = residentAnswers();
    delete answers.returning;
    return answers;
  };

  it('keeps the older version 1.0, without the returning section', () => {
    expect(buildFormDescriptor({ version: '1.0' }).sections.map((s) => s.id)).toEqual(['personal', 'health', 'exposure']);
  });

  it('validates answers with the version they were filled in with', () => {
    const result = validateDeclaration(olderAnswers(), { formVersion: '1.0', now: NOW });
    expect(result).toMatchObject({ ok: true, declaration: { returning: { isReturning: false } } });
    expect(validateDeclaration(olderAnswers(), { formVersion: '1.1', now: NOW }).issues).toMatchObject([
      { path: 'returning', code: 'required' },
    ]);
  });

  it('refuses answers to questions a version did not ask', () => {
    expect(validateDeclaration(residentAnswers(), { formVersion: '1.0', now: NOW }).issues).toMatchObject([
      { path: 'returning', code: 'unknown_field' },
    ]);
  });
});
