import { describe, expect, it } from 'vitest';
import { ApiError } from '@healthcode/core/api';
import { DEFAULT_RETRY_POLICY, backoffDelay } from '@healthcode/core/client';
import { HostError, createClient, type Host, type HostRequestOptions, type HostResponse } from '@healthcode/core';

/** A host whose every request gets the next scripted answer (a response or a HostError). */
function scriptedHost(answers: (HostResponse | HostError)[]) {
  const calls: HostRequestOptions[] = [];
  const host: Host = {
    name: 'scripted',
    async request(options) {
      calls.push(options);
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
      if (answer instanceof HostError) throw answer;
      return answer!;
    },
  };
  return { host, calls };
}

const json = (status: number, body: unknown): HostResponse => ({ status, headers: { 'content-type': 'application/json' }, body });
const form = json(200, { version: '2026.1', sections: [] });
const offline = new HostError('host/network', 'no route to host', { host: 'scripted' });

function clientFor(host: Host, random = () => 0.5) {
  const sleeps: number[] = [];
  const client = createClient({
    host,
    baseUrl: 'https://health.example/',
    retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000, random },
    sleep: async (ms) => void sleeps.push(ms),
  });
  return { client, sleeps };
}

describe('client retries', () => {
  it('retries a 503 the configured number of times, then reports it as an ApiError', async () => {
    const { host, calls } = scriptedHost([json(503, { error: { code: 'unavailable', message: 'maintenance' } })]);
    const { client, sleeps } = clientFor(host);
    const error = await client.getForm().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'unavailable', status: 503, message: 'maintenance' });
    expect(calls).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it('never retries a 400: the same request would fail the same way', async () => {
    const { host, calls } = scriptedHost([json(400, { error: { code: 'bad_request', message: 'no' } })]);
    const { client, sleeps } = clientFor(host);
    await expect(client.getForm()).rejects.toMatchObject({ code: 'bad_request', status: 400 });
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries network failures and returns the answer that finally arrives', async () => {
    const { host, calls } = scriptedHost([offline, offline, form]);
    const { client } = clientFor(host);
    await expect(client.getForm()).resolves.toMatchObject({ version: '2026.1' });
    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatchObject({ url: 'https://health.example/v1/form', method: 'GET' });
  });

  it('reports a network failure that outlasts the retries as ApiError code network', async () => {
    const { host, calls } = scriptedHost([offline]);
    const { client } = clientFor(host);
    const error = await client.getForm().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'api/network', status: 0, cause: offline });
    expect(calls).toHaveLength(4);
  });

  it('rejects a 2xx body outside the contract as invalid_response without retrying', async () => {
    const { host, calls } = scriptedHost([json(200, { sections: [] })]);
    const { client } = clientFor(host);
    await expect(client.getForm()).rejects.toMatchObject({ code: 'api/invalid_response', status: 200 });
    expect(calls).toHaveLength(1);
  });

  it('draws each pause from a window that doubles per retry', async () => {
    const { host } = scriptedHost([offline]);
    const { client, sleeps } = clientFor(host, () => 0.999);
    await client.getForm().catch(() => undefined);
    expect(sleeps).toEqual([99, 199, 399]);
  });
});

describe('backoffDelay', () => {
  it('never exceeds maxDelayMs however many retries came before', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.999999 };
    for (let attempt = 0; attempt < 40; attempt++) expect(backoffDelay(attempt, policy)).toBeLessThan(policy.maxDelayMs);
    expect(backoffDelay(30, policy)).toBe(policy.maxDelayMs - 1);
  });

  it('spreads clients over the whole window (full jitter), down to no wait at all', () => {
    const policy = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(2, { ...policy, random: () => 0 })).toBe(0);
    expect(backoffDelay(2, { ...policy, random: () => 0.5 })).toBe(200);
  });
});
