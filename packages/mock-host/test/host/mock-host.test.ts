import { describe, expect, it, vi } from 'vitest';
import { createHost, hostCapabilities, unregisterHost } from '@healthcode/core/host/kit';
import { HostError } from '@healthcode/core';
import { mockHost, registerMockHost } from '@healthcode/mock-host';

describe('mockHost', () => {
  it('records every call with its arguments', async () => {
    const host = mockHost();
    await host.ui.toast({ title: 'Hi' });
    await host.storage.set('k', 1);
    expect(host.calls.map((c) => c.operation)).toEqual(['ui.toast', 'storage.set']);
    expect(host.callsOf('ui.toast')[0]?.args).toEqual([{ title: 'Hi' }]);
    expect(host.state.toasts).toEqual(['Hi']);
  });

  it('answers queued scans in order, then cancels', async () => {
    const host = mockHost();
    host.queueScan('a', 'b');
    expect((await host.scan.scanQRCode()).text).toBe('a');
    expect((await host.scan.scanQRCode()).text).toBe('b');
    await expect(host.scan.scanQRCode()).rejects.toMatchObject({ code: 'host/cancelled' });
  });

  it('fails only the next scripted call', async () => {
    const host = mockHost();
    host.failNext('identity.getAuthCode', 'host/denied');
    await expect(host.identity.getAuthCode()).rejects.toBeInstanceOf(HostError);
    await expect(host.identity.getAuthCode()).resolves.toEqual({ code: expect.stringMatching(/^mock-auth-/) });
  });

  it('waits the injected delay before answering', async () => {
    const waits: number[] = [];
    const host = mockHost({ latencyMs: (op) => (op === 'request' ? 500 : 0), delay: async (ms) => void waits.push(ms), handler: () => ({ status: 204, headers: {}, body: '' }) });
    await host.system.getSystemInfo();
    await host.request({ url: 'https://x.test/' });
    expect(waits).toEqual([500]);
  });

  it('answers requests from a handler with normalised responses', async () => {
    const host = mockHost({
      handler: (req) => ({ status: 201, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ got: req.body }) }),
    });
    const response = await host.request({ url: 'https://x.test/', method: 'POST', body: { a: 1 } });
    expect(response).toEqual({ status: 201, headers: { 'content-type': 'application/json' }, body: { got: '{"a":1}' } });
  });

  it('sends through the global fetch by default, looked up at call time', async () => {
    const fetch = vi.fn(async () => new Response('pong', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    try {
      const response = await mockHost().request({ url: 'https://x.test/ping' });
      expect(response.body).toBe('pong');
      expect(fetch).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('turns a slow fetch into a timeout', async () => {
    vi.useFakeTimers();
    try {
      const host = mockHost({ fetch: () => new Promise(() => {}) });
      const pending = host.request({ url: 'https://x.test/slow', timeoutMs: 1000 });
      const assertion = expect(pending).rejects.toMatchObject({ code: 'host/timeout' });
      await vi.advanceTimersByTimeAsync(1000);
      await assertion;
    } finally {
      vi.useRealTimers();
    }
  });

  it('can leave capabilities out', () => {
    expect(hostCapabilities(mockHost({ without: ['scan', 'location'] }))).not.toContain('scan');
  });

  it('registers under the name mock for createHost', () => {
    registerMockHost();
    try {
      expect(createHost('mock', { name: 'mock' }).name).toBe('mock');
    } finally {
      unregisterHost('mock');
    }
  });

  it('provides a recording canvas scaled by the pixel ratio', async () => {
    const host = mockHost({ systemInfo: { pixelRatio: 3 } });
    const target = await host.canvas.getCanvas('#code');
    expect(target.pixelRatio).toBe(3);
  });
});
