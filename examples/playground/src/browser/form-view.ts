import type { DeclarationIssue, FormDescriptor, FormField, Locale } from '@healthcode/core';
import { h } from './dom.js';
import { type FieldValues, collectAnswers, getPath, isVisible } from './form-model.js';

/** A declaration form rendered from its descriptor. */
export interface FormView {
  /** The answers of the visible fields, shaped as the declaration expects. */
  answers(): Record<string, unknown>;
  /** Shows each issue under the field its path names (or above the form when none matches). */
  showIssues(issues: DeclarationIssue[]): void;
  /** Re-renders every label in another locale, keeping the answers. */
  setLocale(locale: Locale): void;
}

interface Rendered {
  field: FormField;
  element: HTMLElement;
  /** The answers object the field's conditions read first (its list item, or the form). */
  scope: () => unknown;
}

/**
 * Renders any {@link FormDescriptor} generically: one control per field type,
 * conditional fields shown and hidden as answers change, lists with add and remove.
 */
export function renderForm(form: HTMLFormElement, descriptor: FormDescriptor, initialLocale: Locale): FormView {
  let locale = initialLocale;
  const values: FieldValues = new Map();
  let rendered: Rendered[] = [];
  const fields = descriptor.sections.flatMap((s) => s.fields);
  const answers = () => collectAnswers(fields, values);

  function refreshVisibility(): void {
    const root = answers();
    for (const r of rendered) r.element.hidden = !isVisible(r.field, r.scope(), root);
  }

  function render(): void {
    rendered = [];
    form.replaceChildren(
      h('div', { class: 'form-issues', 'data-path': '' }),
      ...descriptor.sections.map((section) =>
        h(
          'fieldset',
          { 'data-section': section.id },
          h('legend', {}, section.title[locale]),
          ...section.fields.map((f) => fieldElement(f, values, f.path, () => answers())),
        ),
      ),
      h('button', { type: 'submit' }, { 'zh-CN': '提交申报', en: 'Submit declaration', 'zh-HK': '提交申報' }[locale]),
    );
    refreshVisibility();
  }

  function fieldElement(field: FormField, scopeValues: FieldValues, fullPath: string, scope: () => unknown): HTMLElement {
    const id = `f-${fullPath.replace(/[^A-Za-z0-9_-]/g, '-')}-${field.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const element = h('div', { class: 'field', 'data-path': fullPath, 'data-field-id': field.id });
    const labelText = `${field.label[locale]}${field.required ? ' *' : ''}${field.unit ? ` (${field.unit})` : ''}`;
    element.append(h('label', { for: id }, labelText));
    if (field.help) element.append(h('div', { class: 'help' }, field.help[locale]));
    element.append(control(field, scopeValues, fullPath, id));
    rendered.push({ field, element, scope });
    return element;
  }

  function changed(scopeValues: FieldValues, field: FormField, value: unknown): void {
    if (value === undefined || value === '') scopeValues.delete(field.id);
    else scopeValues.set(field.id, value);
    refreshVisibility();
  }

  function control(field: FormField, scopeValues: FieldValues, fullPath: string, id: string): HTMLElement {
    const current = scopeValues.get(field.id);
    switch (field.type) {
      case 'boolean': {
        if (field.options) return choiceControl(field, scopeValues, fullPath, id);
        const select = h(
          'select',
          { id, name: fullPath },
          h('option', { value: '' }, '—'),
          h('option', { value: 'true' }, yes[locale]),
          h('option', { value: 'false' }, no[locale]),
        );
        select.value = current === undefined ? '' : String(current);
        select.addEventListener('change', () => changed(scopeValues, field, select.value === '' ? undefined : select.value === 'true'));
        return select;
      }
      case 'select':
        return choiceControl(field, scopeValues, fullPath, id);
      case 'multiselect': {
        const options = field.options ?? [];
        const chosen = new Set((current as unknown[] | undefined) ?? []);
        const boxes = options.map((o) => {
          const box = h('input', { type: 'checkbox', name: fullPath, value: String(o.value) });
          box.checked = chosen.has(o.value);
          return { box, option: o };
        });
        for (const { box, option } of boxes) {
          box.addEventListener('change', () => {
            const exclusive = field.exclusiveOptions ?? [];
            // An exclusive choice ("none of these") and any other choice cannot both stand.
            for (const other of boxes) {
              if (other.box === box || !box.checked) continue;
              if (exclusive.includes(String(option.value)) || exclusive.includes(String(other.option.value))) other.box.checked = false;
            }
            const picked = boxes.filter((b) => b.box.checked).map((b) => b.option.value);
            changed(scopeValues, field, picked.length ? picked : undefined);
          });
        }
        return h('div', { id, class: 'choices' }, ...boxes.map(({ box, option }) => h('label', {}, box, ` ${option.label[locale]}`)));
      }
      case 'list':
        return listControl(field, scopeValues, fullPath, id);
      default: {
        const type = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : field.type === 'phone' ? 'tel' : 'text';
        const input = h('input', { id, name: fullPath, type });
        if (field.min !== undefined) input.min = String(field.min);
        if (field.max !== undefined) input.max = String(field.max);
        if (field.step !== undefined) input.step = String(field.step);
        if (field.maxLength !== undefined) input.maxLength = field.maxLength;
        if (current !== undefined) input.value = String(current);
        input.addEventListener('input', () =>
          changed(
            scopeValues,
            field,
            field.type === 'number' ? (Number.isNaN(input.valueAsNumber) ? undefined : input.valueAsNumber) : input.value,
          ),
        );
        return input;
      }
    }
  }

  /** A drop-down over the field's options, whose values may be strings or booleans. */
  function choiceControl(field: FormField, scopeValues: FieldValues, fullPath: string, id: string): HTMLElement {
    const options = field.options ?? [];
    const select = h(
      'select',
      { id, name: fullPath },
      h('option', { value: '' }, '—'),
      ...options.map((o) => h('option', { value: String(o.value) }, o.label[locale])),
    );
    const current = scopeValues.get(field.id);
    select.value = current === undefined ? '' : String(current);
    select.addEventListener('change', () => changed(scopeValues, field, options.find((o) => String(o.value) === select.value)?.value));
    return select;
  }

  function listControl(field: FormField, scopeValues: FieldValues, fullPath: string, id: string): HTMLElement {
    const items = (scopeValues.get(field.id) as FieldValues[] | undefined) ?? [];
    const container = h('div', { id, class: 'list' });
    items.forEach((item, index) => {
      const itemPath = `${fullPath}.${index}`;
      const remove = h('button', { type: 'button', class: 'secondary' }, removeText[locale]);
      remove.addEventListener('click', () => {
        items.splice(index, 1);
        scopeValues.set(field.id, items);
        render();
      });
      const itemScope = () => getPath(answers(), itemPath);
      container.append(
        h(
          'div',
          { class: 'group', 'data-path': itemPath },
          ...(field.itemFields ?? []).map((f) => fieldElement(f, item, `${itemPath}.${f.path}`, itemScope)),
          remove,
        ),
      );
    });
    if (field.maxItems === undefined || items.length < field.maxItems) {
      const add = h('button', { type: 'button', class: 'secondary' }, addText[locale]);
      add.addEventListener('click', () => {
        scopeValues.set(field.id, [...items, new Map()]);
        render();
      });
      container.append(add);
    }
    return container;
  }

  render();
  return {
    answers,
    setLocale(next) {
      locale = next;
      render();
    },
    showIssues(issues) {
      for (const old of form.querySelectorAll('.issue')) old.remove();
      const targets = [...form.querySelectorAll<HTMLElement>('[data-path]')].filter((el) => !el.hidden);
      const pathOf = (el: HTMLElement) => el.dataset.path ?? '';
      for (const issue of issues) {
        // The field the issue names, or the group it sits in; an issue about a whole
        // missing group ("health is required") goes under each of the group's fields.
        const within = targets.filter((el) => pathOf(el) === issue.path || issue.path.startsWith(`${pathOf(el)}.`));
        const deepest = within.sort((a, b) => pathOf(b).length - pathOf(a).length)[0];
        const below = targets.filter((el) => el.classList.contains('field') && pathOf(el).startsWith(`${issue.path}.`));
        const places = deepest && pathOf(deepest) !== '' ? [deepest] : below.length ? below : within;
        for (const place of places)
          place.append(h('p', { class: 'issue', 'data-issue-path': issue.path, 'data-issue-code': issue.code }, issue.message));
      }
    },
  };
}

const yes = { 'zh-CN': '是', en: 'Yes', 'zh-HK': '是' };
const no = { 'zh-CN': '否', en: 'No', 'zh-HK': '否' };
const addText = { 'zh-CN': '添加', en: 'Add', 'zh-HK': '新增' };
const removeText = { 'zh-CN': '删除', en: 'Remove', 'zh-HK': '刪除' };
