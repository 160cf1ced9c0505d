import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, apiPath } from '@healthcode/core/api';
import { greenAnswers, residentId } from '@healthcode/test-utils';
import { dashboardLink } from '@healthcode/server';
import { startServer, tempDir } from './helpers.js';

describe('the /dashboard page', () => {
  const { dir, cleanup } = tempDir();
  let browser: Browser;
  let env: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    // The page asks for "today" from the real clock's point of view, so the server uses it too.
    env = await startServer(dir, { now: () => new Date() });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await env?.server.close();
    cleanup();
  });

  it("renders an organisation's day from the data route, given its admin token", async () => {
    const { call, server } = env;
    const org = (await call('POST', API_ROUTES.orgs, { token: server.operatorToken, body: { name: 'Page & <Co>' } })).body;
    const employees = apiPath(API_ROUTES.orgEmployees, { orgId: org.orgId });
    for (const n of [90, 91]) {
      await call('POST', employees, {
        token: org.adminToken,
        body: { identityDocument: { type: 'resident_id_card', number: residentId(n) }, label: `E-${n}` },
      });
    }
    const venue = (
      await call('POST', apiPath(API_ROUTES.orgVenues, { orgId: org.orgId }), { token: org.adminToken, body: { name: 'Lobby' } })
    ).body;
    const session = (await call('POST', API_ROUTES.sessions, { body: { host: 'wechat', authCode: 'dev:page-user' } })).body;
    const declared = (
      await call('POST', API_ROUTES.declarations, { token: session.sessionToken, body: { formVersion: '1.1', answers: greenAnswers(90) } })
    ).body;
    await call('POST', API_ROUTES.checkins, {
      body: { venueId: venue.venueId, qrText: declared.code.qrText, scannerToken: venue.scannerToken },
    });

    const page = await browser.newPage();
    await page.goto(`${env.baseUrl}/dashboard`);
    await page.fill('input[name=orgId]', org.orgId);
    await page.fill('input[name=token]', org.adminToken);
    await page.click('button');
    await page.waitForSelector('#report:not([hidden])');
    expect(await page.textContent('#title')).toContain('Page & <Co>');
    expect(await page.textContent('#employee-total')).toBe('2 registered');
    expect(await page.textContent('#employee-cards .green b')).toBe('1');
    expect(await page.textContent('#not-declared')).toContain('E-91');
    expect(await page.locator('#venues tr').first().locator('td').allTextContents()).toEqual(['Lobby', '1', '1', '0', '0', '0']);

    await page.fill('input[name=token]', 'wrong-token');
    await page.click('button');
    await page.waitForSelector('#report[hidden]', { state: 'attached' });
    expect(await page.textContent('#error')).toContain('unauthorized');
    await page.close();
  });

  it('opens in one click from a link carrying the credentials in its fragment, then forgets the fragment', async () => {
    const { call, server } = env;
    const org = (await call('POST', API_ROUTES.orgs, { token: server.operatorToken, body: { name: 'Linked Ltd' } })).body;
    const requested: string[] = [];
    const page = await browser.newPage();
    page.on('request', (request) => requested.push(request.url()));

    await page.goto(dashboardLink(env.baseUrl, org));
    await page.waitForSelector('#report:not([hidden])');
    expect(await page.textContent('#title')).toContain('Linked Ltd');
    expect(new URL(page.url()).hash).toBe('');
    expect(requested.filter((url) => url.includes(org.adminToken))).toEqual([]);

    await page.reload();
    expect(await page.inputValue('input[name=orgId]')).toBe(org.orgId);
    expect(await page.inputValue('input[name=token]')).toBe(org.adminToken);
    expect(await page.isHidden('#report')).toBe(true);
    await page.close();
  });
});
