import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('dashboard query form', () => {
  it('posts when submitted natively (before its script runs), so the admin token never lands in a URL or access log', () => {
    const page = readFileSync(new URL('../static/dashboard.html', import.meta.url), 'utf8');
    const form = /<form id="query"[^>]*>/.exec(page)?.[0] ?? '';
    expect(form).toMatch(/\smethod="post"/i);
  });
});
