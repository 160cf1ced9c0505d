import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '@healthcode/core/api';
import { DEFAULT_RULE_SET } from '@healthcode/core/assessment';
import { greenAnswers, residentId } from '@healthcode/test-utils';
import { startServer, tempDir } from './helpers.js';

const artifacts = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));

describe('the /console page (health authority)', () => {
  const { dir, cleanup } = tempDir();
  let browser: Browser;
  let env: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    env = await startServer(dir, { now: () => new Date() });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await env?.server.close();
    cleanup();
  });

  it('publishes a rule set, refuses a bad CSV batch line by line, imports a good one, works the appeal queue and shows the audit log', async () => {
    const { call, server } = env;
    const operator = (await call('POST', API_ROUTES.operators, { token: server.operatorToken, body: { name: 'Console Operator' } })).body;
    const session = (await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:console-holder' } })).body;
    await call('POST', API_ROUTES.declarations, { token: session.sessionToken, body: { formVersion: '1.1', answers: greenAnswers(70) } });

    const page = await browser.newPage();
    page.on('dialog', (dialog) => void dialog.accept('not a mistake'));
    await page.goto(`${env.baseUrl}/console`);
    await page.fill('#signin input[name=token]', operator.token);
    await page.click('#signin button');

    await page.fill('#rule-set textarea', JSON.stringify({ ...DEFAULT_RULE_SET, version: 'console-1' }));
    await page.click('#rule-set button');
    await expect.poll(() => page.textContent('#rule-set-result')).toContain('Published version console-1');

    const today = new Date().toISOString().slice(0, 10);
    const header = 'type,number,caseType,lastContactDate,source';
    await page.fill('#batch input[name=batchId]', 'console-contacts-1');
    await page.fill('#batch textarea', `${header}\nresident_id_card,${residentId(70)},confirmed,${today},survey\nresident_id_card,123,confirmed,${today},survey`);
    await page.click('#batch button');
    await page.waitForSelector('#batch-lines:not([hidden])');
    expect(await page.locator('#batch-lines tbody tr td').allTextContents()).toEqual(['2', 'invalid_document', 'not a valid resident_id_card number']);

    await page.fill('#batch textarea', `${header}\nresident_id_card,${residentId(70)},confirmed,${today},survey`);
    await page.click('#batch button');
    await expect.poll(() => page.textContent('#batch-result')).toContain('Imported 1 line(s) for 1 person(s)');
    expect(await page.isHidden('#batch-lines')).toBe(true);
    expect((await call('GET', API_ROUTES.code, { token: session.sessionToken })).body.status).toBe('red');

    await call('POST', API_ROUTES.appeals, { token: session.sessionToken, body: { category: 'wrong_contact', text: 'I was abroad' } });
    await page.click('#appeals-refresh');
    await page.waitForSelector('#appeals tbody tr');
    expect(await page.locator('#appeals tbody tr td').nth(4).textContent()).toBe('I was abroad');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'console.png'), fullPage: true });
    await page.click('#appeals tbody button:has-text("Accept")');
    await expect.poll(() => page.textContent('#appeals-result')).toContain('accepted');
    expect((await call('GET', API_ROUTES.code, { token: session.sessionToken })).body.status).toBe('green');

    await page.click('#audit-refresh');
    await expect.poll(() => page.locator('#audit tbody tr td:nth-child(4)').allTextContents()).toEqual(['appeal.accept', 'batch.contacts', 'rule_set.publish', 'operator.create']);
    expect(await page.locator('#audit tbody').textContent()).not.toContain(residentId(70));
    await page.close();
  });
});
