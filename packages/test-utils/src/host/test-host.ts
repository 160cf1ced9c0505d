import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostCapabilities, type HostCapability } from '@healthcode/core/host/kit';
import { HostError, type Host, type HostErrorCode } from '@healthcode/core';
import type { HostHarness, HostScript } from './harness.js';
import { CONFORMANCE_ORIGIN, conformanceServer, type FakeServer } from './server.js';

/** Options of {@link testHost}. */
export interface TestHostOptions {
  /** The host's `name`, as its adapter reports it. */
  name: string;
  /** Builds a fresh host over a fake whose requests go to `server`. */
  setup: (server: FakeServer) => HostHarness | Promise<HostHarness>;
  /** Capabilities the host legitimately lacks, or that cannot run in Node (e.g. `canvas`). */
  skip?: HostCapability[];
}

const CORE_CAPABILITIES: HostCapability[] = [
  'identity',
  'storage',
  'request',
  'scan',
  'ui',
  'screen',
  'screenshot',
  'system',
  'location',
];

/**
 * The host conformance suite: one `describe` block of behaviour every `Host` must show,
 * run against a fake of the host's platform API. Adding a host is one call:
 *
 * ```ts
 * testHost({ name: 'wechat', setup: (server) => { const fake = createFakeWx(server); … } });
 * ```
 */
export function testHost(options: TestHostOptions): void {
  const skip = new Set(options.skip ?? []);
  const when = (capability: HostCapability) => (skip.has(capability) ? describe.skip : describe);
  let harness: HostHarness;
  let host: Host;
  let script: HostScript;

  describe(`host conformance: ${options.name}`, () => {
    beforeEach(async () => {
      harness = await options.setup(conformanceServer);
      host = harness.host;
      script = harness.script;
    });
    afterEach(async () => {
      await harness.teardown?.();
    });

    it('reports its name and every capability it implements', () => {
      expect(host.name).toBe(options.name);
      const offered = hostCapabilities(host);
      for (const capability of CORE_CAPABILITIES.filter((c) => !skip.has(c))) {
        expect(offered).toContain(capability);
      }
    });

    when('identity')('identity', () => {
      it('returns a non-empty one-time auth code', async () => {
        const { code } = await host.identity!.getAuthCode({ scopes: ['auth_base'] });
        expect(typeof code).toBe('string');
        expect(code.length).toBeGreaterThan(0);
      });
    });

    when('storage')('storage', () => {
      it('round-trips JSON values, including non-ASCII text', async () => {
        const value = { name: '张三', visits: [1, 2, 3], nested: { ok: true, none: null } };
        await host.storage!.set('profile', value);
        expect(await host.storage!.get('profile')).toEqual(value);
      });

      it('resolves undefined for an absent key', async () => {
        expect(await host.storage!.get('never-written')).toBeUndefined();
      });

      it('forgets a removed key', async () => {
        await host.storage!.set('temp', 'x');
        await host.storage!.remove('temp');
        expect(await host.storage!.get('temp')).toBeUndefined();
      });

      it('rejects a value over maxValueBytes with too_large and keeps the old value', async () => {
        const { maxValueBytes } = host.storage!;
        await host.storage!.set('big', 'small');
        // A JSON string literal adds two quote bytes, so this is one byte over the limit.
        const error = await failure(host.storage!.set('big', 'x'.repeat(maxValueBytes - 1)));
        expectHostError(error, 'host/too_large');
        expect(await host.storage!.get('big')).toBe('small');
      });

      it('accepts a value of exactly maxValueBytes', async () => {
        const { maxValueBytes } = host.storage!;
        await host.storage!.set('edge', 'y'.repeat(maxValueBytes - 2));
        expect(((await host.storage!.get('edge')) as string).length).toBe(maxValueBytes - 2);
      });
    });

    when('request')('request', () => {
      const url = (path: string) => `${CONFORMANCE_ORIGIN}${path}`;

      it('parses a JSON body and lower-cases response header names', async () => {
        const response = await host.request!({ url: url('/json') });
        expect(response.status).toBe(200);
        expect(response.body).toEqual({ ok: true, greeting: '你好' });
        expect(response.headers['x-request-id']).toBe('req-1');
        expect(Object.keys(response.headers).every((k) => k === k.toLowerCase())).toBe(true);
      });

      it('keeps a non-JSON body as text even when it looks like JSON', async () => {
        const response = await host.request!({ url: url('/text') });
        expect(response.body).toBe('{"not":"parsed"}');
      });

      it('resolves a 404 as a response, not a failure', async () => {
        const response = await host.request!({ url: url('/missing') });
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ error: { code: 'not_found' } });
      });

      it('sends header names as given and an object body as JSON', async () => {
        const response = await host.request!({
          url: url('/echo'),
          method: 'POST',
          headers: { 'X-Trace-Id': 't-1', Authorization: 'Bearer abc' },
          body: { answer: 42 },
        });
        const echo = response.body as { method: string; headers: Record<string, string>; body: string };
        expect(echo.method).toBe('POST');
        expect(echo.headers['X-Trace-Id']).toBe('t-1');
        expect(echo.headers['Authorization']).toBe('Bearer abc');
        expect(JSON.parse(echo.body)).toEqual({ answer: 42 });
        const contentType = Object.entries(echo.headers).find(([k]) => k.toLowerCase() === 'content-type');
        expect(contentType?.[1]).toMatch(/application\/json/);
      });

      it('sends a string body unchanged', async () => {
        const response = await host.request!({ url: url('/echo'), method: 'POST', body: 'a=1&b=2' });
        expect((response.body as { body: string }).body).toBe('a=1&b=2');
      });

      it('rejects with network when no response arrives', async () => {
        script.failNext('request', 'network');
        expectHostError(await failure(host.request!({ url: url('/json') })), 'host/network');
      });

      it('rejects with timeout when the host gives up waiting', async () => {
        script.failNext('request', 'timeout');
        expectHostError(await failure(host.request!({ url: url('/json'), timeoutMs: 50 })), 'host/timeout');
      });
    });

    when('scan')('scan', () => {
      it('resolves with the scanned text', async () => {
        script.queueScan('HCODE2:example-qr-text');
        expect(await host.scan!.scanQRCode()).toEqual({ text: 'HCODE2:example-qr-text' });
      });

      it('rejects with cancelled when the user closes the scanner', async () => {
        script.failNext('scan', 'cancelled');
        expectHostError(await failure(host.scan!.scanQRCode()), 'host/cancelled');
      });
    });

    when('ui')('ui', () => {
      it('shows a toast and a loading indicator', async () => {
        await expect(host.ui!.toast({ title: 'Saved', icon: 'success' })).resolves.toBeUndefined();
        await expect(host.ui!.showLoading({ title: 'Loading' })).resolves.toBeUndefined();
        await expect(host.ui!.hideLoading()).resolves.toBeUndefined();
      });

      it('reports whether the user confirmed', async () => {
        script.answerNextConfirm(true);
        expect(await host.ui!.confirm({ title: 'Share?', content: 'Share your code' })).toBe(true);
        script.answerNextConfirm(false);
        expect(await host.ui!.confirm({ title: 'Share?', content: 'Share your code' })).toBe(false);
      });
    });

    when('screen')('screen', () => {
      it('sets and reads back brightness on a 0 to 1 scale', async () => {
        await host.screen!.setBrightness(0.8);
        expect(await host.screen!.getBrightness()).toBeCloseTo(0.8);
      });

      it('keeps the screen on', async () => {
        await expect(host.screen!.setKeepScreenOn(true)).resolves.toBeUndefined();
      });
    });

    when('screenshot')('screenshot', () => {
      it('calls the listener on each screenshot until unsubscribed', () => {
        let seen = 0;
        const unsubscribe = host.screenshot!.onScreenshot(() => seen++);
        script.takeScreenshot();
        expect(seen).toBe(1);
        unsubscribe();
        script.takeScreenshot();
        expect(seen).toBe(1);
      });
    });

    when('system')('system', () => {
      it('reports the pixel ratio and basic device facts', async () => {
        script.setPixelRatio(3);
        const info = await host.system!.getSystemInfo();
        expect(info.pixelRatio).toBe(3);
        expect(info.platform).toEqual(expect.any(String));
        expect(info.language).toMatch(/^[a-z]{2}/);
        expect(info.screenWidth).toBeGreaterThan(0);
        expect(info.screenHeight).toBeGreaterThan(0);
      });
    });

    when('location')('location', () => {
      it('returns coordinates as numbers', async () => {
        script.setLocation(31.2304, 121.4737);
        const location = await host.location!.getLocation();
        expect(location.latitude).toBe(31.2304);
        expect(location.longitude).toBe(121.4737);
        expect(typeof location.latitude).toBe('number');
      });

      it('rejects with denied when the user refuses location access', async () => {
        script.failNext('location', 'denied');
        expectHostError(await failure(host.location!.getLocation()), 'host/denied');
      });
    });
  });

  function expectHostError(error: unknown, code: HostErrorCode): void {
    expect(error).toBeInstanceOf(HostError);
    const hostError = error as HostError;
    expect(hostError.code).toBe(code);
    expect(hostError.host).toBe(options.name);
    expect(hostError.raw).toBeDefined();
  }
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
