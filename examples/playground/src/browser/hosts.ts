import { createClient, type HealthCodeClient } from '@healthcode/core';
import { type FetchLike, type MockHost, mockHost } from '@healthcode/mock-host';
import type { PlaygroundConfig } from './config.js';
import { byId } from './dom.js';

/** The super-apps the playground can pretend to run in. */
export const HOST_CHOICES = [
  { name: 'wechat', label: 'WeChat 微信' },
  { name: 'alipay', label: 'Alipay 支付宝' },
  { name: 'suishenban', label: 'Suishenban 随申办' },
] as const;

/** One of {@link HOST_CHOICES}. */
export type HostName = (typeof HOST_CHOICES)[number]['name'];

/** A simulated app: its host, its client, and a switch that cuts its network. */
export interface SimulatedApp {
  host: MockHost;
  client: HealthCodeClient;
  network: { online: boolean };
}

/**
 * A simulated host (in memory, like a mini-program sandbox) whose requests go to the
 * real playground server through the page's `fetch`, and a client on top of it.
 */
export function simulatedApp(name: HostName, config: PlaygroundConfig, authCode: string): SimulatedApp {
  const network = { online: true };
  // Offline, a request fails the way a phone in a lift fails: no answer at all.
  const fetchThroughSwitch: FetchLike = (url, init) =>
    network.online ? (fetch(url, init) as unknown as ReturnType<FetchLike>) : Promise.reject(new TypeError('simulated offline'));
  const host = mockHost({ name, fetch: fetchThroughSwitch, authCode: () => authCode });
  const client = createClient({ host, baseUrl: location.origin, trustRoot: config.trustRoot });
  return { host, client, network };
}

/**
 * Wires the page's "simulate offline" checkbox to an app: going back online sends
 * whatever was queued meanwhile, and `onFlushed` reports it.
 */
export function wireOfflineSwitch(app: SimulatedApp, onFlushed: (message: string) => void, signal?: AbortSignal): void {
  const box = byId<HTMLInputElement>('offline');
  app.network.online = !box.checked;
  box.addEventListener(
    'change',
    async () => {
      app.network.online = !box.checked;
      if (!app.network.online) return;
      const report = await app.client.flushQueue();
      onFlushed(`Back online: ${report.sent} queued request(s) sent, ${report.dropped.length} refused, ${report.remaining} still queued.`);
    },
    { signal },
  );
}
