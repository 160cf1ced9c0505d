import { describe, expect, it } from 'vitest';
import { createHostRequest, createJsonStorage, utf8ByteLength, type PreparedRequest } from '@healthcode/core/host/kit';
import { HostError } from '@healthcode/core';

describe('createHostRequest', () => {
  const echo = () => {
    const seen: PreparedRequest[] = [];
    const request = createHostRequest('h', async (req) => {
      seen.push(req);
      return { status: 200, headers: { 'Content-Type': 'application/problem+json' }, body: '{"a":1}' };
    });
    return { seen, request };
  };

  it('keeps credentials and the body out of the error when a host cannot send a method', async () => {
    const request = createHostRequest('h', async () => ({ status: 200, headers: {}, body: '' }), { methods: ['GET', 'POST'] });
    const sent = { url: 'https://x.test/v1/declarations', method: 'PATCH' as const, headers: { authorization: 'Bearer secret' }, body: { name: '张三' } };
    const error = await request(sent).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('host/unsupported');
    expect((error as HostError).raw).toEqual({ url: sent.url, method: 'PATCH' });
    expect(JSON.stringify((error as HostError).raw)).not.toContain('secret');
  });

  it('defaults to GET and sends no body when none is given', async () => {
    const { seen, request } = echo();
    await request({ url: 'https://x.test' });
    expect(seen[0]).toEqual({ url: 'https://x.test', method: 'GET', headers: {} });
  });

  it('serialises an object body as JSON with a content type, unless the caller set one', async () => {
    const { seen, request } = echo();
    await request({ url: 'u', method: 'POST', body: { a: 1 } });
    await request({ url: 'u', method: 'POST', body: [1], headers: { 'Content-Type': 'application/vnd.x+json' } });
    expect(seen[0]).toMatchObject({ body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(seen[1]!.headers).toEqual({ 'Content-Type': 'application/vnd.x+json' });
  });

  it('parses +json bodies and keeps invalid JSON as text', async () => {
    const { request } = echo();
    expect((await request({ url: 'u' })).body).toEqual({ a: 1 });
    const broken = createHostRequest('h', async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{oops' }));
    expect((await broken({ url: 'u' })).body).toBe('{oops');
  });

  it('keeps an already-parsed body and turns a missing body into an empty string', async () => {
    const parsed = createHostRequest('h', async () => ({ status: 200, headers: {}, body: { x: 1 } }));
    const empty = createHostRequest('h', async () => ({ status: 204, headers: {}, body: undefined }));
    expect((await parsed({ url: 'u' })).body).toEqual({ x: 1 });
    expect((await empty({ url: 'u' })).body).toBe('');
  });

  it('rejects methods the host cannot send, and a missing url, before sending', async () => {
    let sent = 0;
    const request = createHostRequest('h', async () => (sent++, { status: 200, headers: {}, body: '' }), { methods: ['GET'] });
    await expect(request({ url: 'u', method: 'PATCH' })).rejects.toMatchObject({ code: 'host/unsupported' });
    await expect(request({ url: '' })).rejects.toMatchObject({ code: 'host/host_error' });
    expect(sent).toBe(0);
  });

  it('wraps a stray error from the transport as host_error', async () => {
    const request = createHostRequest('h', async () => {
      throw new TypeError('bug');
    });
    await expect(request({ url: 'u' })).rejects.toBeInstanceOf(HostError);
  });
});

describe('createJsonStorage', () => {
  const memory = (maxValueBytes = 16) => {
    const data = new Map<string, string>();
    const storage = createJsonStorage({
      host: 'h',
      maxValueBytes,
      getRaw: async (k) => data.get(k),
      setRaw: async (k, v) => void data.set(k, v),
      removeRaw: async (k) => void data.delete(k),
    });
    return { data, storage };
  };

  it('stores JSON text and reads it back as values', async () => {
    const { data, storage } = memory(100);
    await storage.set('k', { n: 1 });
    expect(data.get('k')).toBe('{"n":1}');
    expect(await storage.get('k')).toEqual({ n: 1 });
  });

  it('measures the limit in UTF-8 bytes of the JSON text', async () => {
    const { storage } = memory(8);
    await storage.set('ok', '健康'); // "健康" with quotes: 8 bytes
    await expect(storage.set('big', '健康码')).rejects.toMatchObject({ code: 'host/too_large', raw: { bytes: 11, maxValueBytes: 8 } });
  });

  it('rejects values JSON cannot represent, and empty keys', async () => {
    const { storage } = memory();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(storage.set('k', cyclic)).rejects.toMatchObject({ code: 'host/host_error' });
    await expect(storage.set('k', undefined)).rejects.toMatchObject({ code: 'host/host_error' });
    await expect(storage.get('')).rejects.toMatchObject({ code: 'host/host_error' });
  });

  it('reports stored text that is not JSON as host_error', async () => {
    const { data, storage } = memory();
    data.set('k', 'not json');
    await expect(storage.get('k')).rejects.toMatchObject({ code: 'host/host_error' });
  });

  it('counts bytes like TextEncoder', () => {
    for (const text of ['', 'abc', 'é', '健康', '😷', 'a😷b健']) {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
