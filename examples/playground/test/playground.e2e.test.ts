import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newP256Key } from '../../../packages/any-code/test/support/keys.js';
import { signingCertificate } from '../../../packages/any-code/test/support/certificate.js';
import { didDocument, euDcc, nzCovidPass } from '../../../packages/any-code/test/support/vectors.js';
import { DEMO_DOCUMENT } from '../src/server/demo-setup.js';
import { type Playground, startPlayground } from '../src/server/start-playground.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`[playground e2e] skipped: ${CHROMIUM} not found (CI installs Debian's chromium package)`);

const artifacts = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));

describe.skipIf(!haveChromium)('playground, end to end in headless Chromium', () => {
  let dataDir: string;
  let playground: Playground;
  let browser: Browser;
  const nzKey = newP256Key();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'healthcode-playground-'));
    playground = await startPlayground({ dataDir, port: 0, logLevel: 'error', foreignTrust: { nzcp: { didDocuments: [didDocument(nzKey, 'key-1')] } } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in, declares, shows the code, verifies a picture of it offline and through the camera at checkpoints, and counts both check-ins', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // The app: pick a host, sign in through it.
    await page.goto(playground.url);
    await page.check('input[name=host][value=alipay]');
    await page.selectOption('#locale', 'en');
    await page.click('#sign-in');
    await page.waitForSelector('#session[data-signed-in=true]');
    await page.waitForSelector('#declaration [data-field-id="person.name"]');

    // An empty submission shows issues under the fields, in the chosen locale.
    await page.click('#declaration button[type=submit]');
    await page.waitForSelector('#declare-result[data-outcome=invalid]');
    const nameIssue = page.locator('[data-field-id="person.name"] .issue');
    await expect(nameIssue.count()).resolves.toBeGreaterThan(0);
    expect(await nameIssue.first().textContent()).toMatch(/[A-Za-z]/);

    // Conditional fields: the ID card number appears once the document type is chosen.
    const idNumber = page.locator('[data-field-id="identityDocument.number@resident_id_card"]');
    await expect(idNumber.isHidden()).resolves.toBe(true);
    await page.selectOption('select[name="identityDocument.type"]', 'resident_id_card');
    await expect(idNumber.isVisible()).resolves.toBe(true);

    await page.fill('input[name="person.name"]', '张三');
    await idNumber.locator('input').fill(DEMO_DOCUMENT.number);
    await page.fill('input[name="phone"]', '13800138000');
    await page.fill('input[name="district"]', '310104');
    await page.fill('input[name="health.temperature"]', '36.6');
    await page.check('input[name="health.symptoms"][value=none]');
    await page.selectOption('select[name="contacts.hadContact"]', 'false');
    await page.selectOption('select[name="returning.isReturning"]', 'false');
    await page.click('#declaration button[type=submit]');
    await page.waitForSelector('#declare-result[data-outcome=green]');

    // The live code.
    await page.waitForSelector('#code-state[data-status=green][data-state=fresh]');
    mkdirSync(artifacts, { recursive: true });
    const shot = join(artifacts, 'playground-code.png');
    await page.locator('#code-canvas').screenshot({ path: shot });

    // The checkpoint caches the trust list, loses its network, reads the picture and
    // verifies it offline; the check-in waits in the queue until the network is back.
    const checkpoint = await context.newPage();
    checkpoint.on('pageerror', (error) => pageErrors.push(error.message));
    await checkpoint.goto(`${playground.url}/checkpoint.html`);
    await checkpoint.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Ready'));
    await checkpoint.check('#offline');
    await checkpoint.setInputFiles('#upload', shot);
    await checkpoint.waitForSelector('#verdict[data-valid]');
    const verdict = checkpoint.locator('#verdict');
    expect(await verdict.getAttribute('data-valid'), (await verdict.textContent()) ?? '').toBe('true');
    expect(await verdict.getAttribute('data-status')).toBe('green');
    expect(await verdict.getAttribute('data-checkin')).toBe('queued');
    await checkpoint.screenshot({ path: join(artifacts, 'playground-checkpoint.png'), fullPage: true });
    await checkpoint.uncheck('#offline');
    await checkpoint.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('1 queued request(s) sent'));

    // A second checkpoint points its camera at the code (Chromium's fake camera plays the screenshot).
    const camera = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${pngToY4m(shot)}`],
    });
    try {
      const scanner = await camera.newPage();
      await scanner.goto(`${playground.url}/checkpoint.html`);
      await scanner.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Ready'));
      await scanner.click('#camera-toggle');
      await scanner.waitForSelector('#verdict[data-valid]');
      expect(await scanner.locator('#verdict').getAttribute('data-status')).toBe('green');
      expect(await scanner.locator('#verdict').getAttribute('data-checkin')).toBe('sent');
    } finally {
      await camera.close();
    }

    // The organisation dashboard, opened with the one-click link the terminal prints,
    // counts the check-in and the declared employee.
    const dashboard = await context.newPage();
    await dashboard.goto(playground.demoDashboardLink);
    await dashboard.waitForSelector('#report:not([hidden])');
    expect(dashboard.url()).toBe(playground.dashboardUrl);
    // Columns: venue, check-ins, green, yellow, red, rejected codes.
    const cells = await dashboard.locator('#venues tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 6)).toEqual([playground.demo.venues[0]!.name, '2', '2', '0', '0', '0']);
    // The declarant used the registered employee's document: one employee, declared green today.
    expect(await dashboard.locator('#employee-cards .card.green b').textContent()).toBe('1');
    expect(await dashboard.textContent('#not-declared')).toContain('Everyone has declared today.');
    await page.screenshot({ path: join(artifacts, 'playground-app.png'), fullPage: true });
    await dashboard.screenshot({ path: join(artifacts, 'playground-dashboard.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);
  it('verifies a pasted NZ COVID Pass against the configured foreign trust, and refuses an EU certificate it has no trust for', async () => {
    const page = await browser.newPage();
    await page.goto(`${playground.url}/checkpoint.html`);
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Ready'));
    const pass = nzCovidPass(nzKey, 'key-1', { nbf: new Date(Date.now() - 86_400_000), exp: new Date(Date.now() + 86_400_000) });
    await page.fill('#paste', pass);
    await page.click('#paste-form button');
    await page.waitForSelector('#verdict[data-format="nzcp"]');
    expect(await page.locator('#verdict').getAttribute('data-valid')).toBe('true');
    expect(await page.locator('#verdict').innerText()).toContain('NZ COVID Pass · J*** S******');

    const euKey = newP256Key();
    await page.fill('#paste', euDcc(euKey, signingCertificate(euKey), { iat: new Date(), exp: new Date(Date.now() + 86_400_000) }));
    await page.click('#paste-form button');
    await page.waitForSelector('#verdict[data-format="eu-dcc"]');
    expect(await page.locator('#verdict').innerText()).toContain('EU Digital COVID Certificate: no_trust');
    await page.close();
  });
});

/** Converts a PNG into a one-frame Y4M video (4:2:0), the format Chromium's fake camera plays. */
function pngToY4m(pngPath: string): string {
  const png = PNG.sync.read(readFileSync(pngPath));
  const width = png.width & ~1;
  const height = png.height & ~1;
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc(u.length);
  const rgb = (px: number, py: number) => {
    const i = (py * png.width + px) * 4;
    return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!] as const;
  };
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const [r, g, b] = rgb(px, py);
      y[py * width + px] = byte(0.299 * r + 0.587 * g + 0.114 * b);
      if (px % 2 === 0 && py % 2 === 0) {
        const c = (py / 2) * (width / 2) + px / 2;
        u[c] = byte(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
        v[c] = byte(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
      }
    }
  }
  const out = pngPath.replace(/\.png$/, '.y4m');
  writeFileSync(out, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F1:1 Ip A1:1 C420jpeg\nFRAME\n`), y, u, v]));
  return out;
}

function byte(value: number): number {
  return Math.min(255, Math.max(0, Math.round(value)));
}
