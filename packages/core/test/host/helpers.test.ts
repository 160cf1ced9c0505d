import { describe, expect, it, vi } from 'vitest';
import {
  asHostError,
  createEventFanout,
  hostCapabilities,
  normaliseCoordinates,
  normaliseHeaders,
  findHeader,
  prepareCanvas2D,
  promisifyCallbackApi,
  requireCapability,
  withoutUndefined,
  withTimeout,
} from '@healthcode/core/host/kit';
import { HostError, isHostError, type Host } from '@healthcode/core';

const toError = (raw: unknown) => new HostError('host/host_error', 'failed', { host: 'test', raw });

describe('hostCapabilities', () => {
  it('lists exactly the capabilities present', () => {
    const host: Host = { name: 't', scan: { scanQRCode: async () => ({ text: '' }) }, system: { getSystemInfo: vi.fn() } };
    expect(hostCapabilities(host)).toEqual(['scan', 'system']);
  });

  it('requireCapability returns a present capability and throws unsupported for a missing one', () => {
    const scan = { scanQRCode: async () => ({ text: '' }) };
    expect(requireCapability({ name: 't', scan }, 'scan')).toBe(scan);
    expect(() => requireCapability({ name: 't' }, 'location')).toThrow(expect.objectContaining({ code: 'host/unsupported', host: 't' }));
  });

  it('withoutUndefined drops absent capabilities so they are not reported', () => {
    expect(hostCapabilities(withoutUndefined({ name: 't', scan: undefined, ui: undefined }))).toEqual([]);
  });
});

describe('HostError helpers', () => {
  it('isHostError checks the class and, optionally, the code', () => {
    const error = new HostError('host/timeout', 'slow', { host: 'x', raw: { t: 1 } });
    expect(isHostError(error)).toBe(true);
    expect(isHostError(error, 'host/network', 'host/timeout')).toBe(true);
    expect(isHostError(error, 'host/network')).toBe(false);
    expect(isHostError(new Error('x'))).toBe(false);
  });

  it('asHostError keeps a HostError and wraps anything else as host_error with raw', () => {
    const original = new HostError('host/denied', 'no', { host: 'x' });
    expect(asHostError('y', original)).toBe(original);
    const wrapped = asHostError('y', new TypeError('boom'));
    expect(wrapped).toMatchObject({ code: 'host/host_error', host: 'y', message: 'boom' });
    expect(wrapped.raw).toBeInstanceOf(TypeError);
    expect(wrapped.cause).toBe(wrapped.raw);
  });
});

describe('promisifyCallbackApi', () => {
  it('resolves with the success argument', async () => {
    await expect(promisifyCallbackApi<number>((h) => h.success(7), toError)).resolves.toBe(7);
  });

  it('rejects with the mapped error, keeping the raw failure', async () => {
    const failure = { errMsg: 'x:fail' };
    await expect(promisifyCallbackApi((h) => h.fail(failure), toError)).rejects.toMatchObject({ raw: failure });
  });

  it('turns a synchronous throw into a rejection', async () => {
    const thrown = new Error('api missing');
    await expect(
      promisifyCallbackApi(() => {
        throw thrown;
      }, toError),
    ).rejects.toMatchObject({ raw: thrown });
  });

  it('ignores a second callback', async () => {
    await expect(
      promisifyCallbackApi<string>((h) => {
        h.success('first');
        h.fail('late');
      }, toError),
    ).resolves.toBe('first');
  });
});

describe('normaliseHeaders', () => {
  it('lower-cases names, joins arrays and merges duplicates that differ only in case', () => {
    expect(normaliseHeaders({ 'Content-Type': 'text/plain', 'Set-Cookie': ['a=1', 'b=2'], 'x-a': '1', 'X-A': '2', Gone: null })).toEqual({
      'content-type': 'text/plain',
      'set-cookie': 'a=1, b=2',
      'x-a': '1, 2',
    });
  });

  it('gives an empty object for non-objects', () => {
    expect(normaliseHeaders(undefined)).toEqual({});
    expect(normaliseHeaders('x')).toEqual({});
  });

  it('findHeader ignores case', () => {
    expect(findHeader({ 'Content-Type': 'a' }, 'content-type')).toBe('a');
    expect(findHeader(undefined, 'x')).toBeUndefined();
  });
});

describe('createEventFanout', () => {
  it('attaches one host listener for many subscribers and detaches after the last leaves', () => {
    const attach = vi.fn();
    const detach = vi.fn();
    const subscribe = createEventFanout({ attach, detach });
    const a = vi.fn();
    const b = vi.fn();
    const offA = subscribe(a);
    const offB = subscribe(b);
    expect(attach).toHaveBeenCalledOnce();
    const dispatch = attach.mock.calls[0]![0] as () => void;
    dispatch();
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1]);
    offA();
    offA();
    expect(detach).not.toHaveBeenCalled();
    offB();
    expect(detach).toHaveBeenCalledWith(dispatch);
  });

  it('lets the same listener subscribe twice, each unsubscribe removing one', () => {
    let dispatch = () => {};
    const subscribe = createEventFanout({ attach: (d) => (dispatch = d), detach: () => {} });
    const listener = vi.fn();
    const off1 = subscribe(listener);
    subscribe(listener);
    off1();
    dispatch();
    expect(listener).toHaveBeenCalledOnce();
  });
});

describe('normaliseCoordinates', () => {
  it('converts numeric strings to numbers', () => {
    expect(normaliseCoordinates('h', { latitude: '31.23', longitude: '121.47', accuracy: '40' })).toEqual({
      latitude: 31.23,
      longitude: 121.47,
      accuracy: 40,
    });
  });

  it('rejects missing, non-numeric or out-of-range coordinates', () => {
    for (const raw of [{ latitude: '', longitude: 1 }, { latitude: 'north', longitude: 1 }, { latitude: 91, longitude: 0 }, { latitude: 0, longitude: 181 }]) {
      expect(() => normaliseCoordinates('h', raw)).toThrow(expect.objectContaining({ code: 'host/host_error', raw }));
    }
  });
});

describe('prepareCanvas2D', () => {
  it('sizes the backing store by the pixel ratio and scales the context', () => {
    const scale = vi.fn();
    const node = { width: 300, height: 150, getContext: () => ({ fillStyle: '', fillRect() {}, scale }) };
    expect(prepareCanvas2D('h', node, { width: 100, height: 50 }, 2.5)).toMatchObject({ width: 100, height: 50, pixelRatio: 2.5 });
    expect([node.width, node.height]).toEqual([250, 125]);
    expect(scale).toHaveBeenCalledWith(2.5, 2.5);
  });

  it('treats a non-positive ratio as 1 and a context-less node as unsupported', () => {
    const node = { width: 0, height: 0, getContext: () => ({ fillStyle: '', fillRect() {} }) };
    expect(prepareCanvas2D('h', node, { width: 10, height: 10 }, 0).pixelRatio).toBe(1);
    expect(() => prepareCanvas2D('h', { width: 0, height: 0, getContext: () => null }, { width: 1, height: 1 }, 1)).toThrow(
      expect.objectContaining({ code: 'host/unsupported' }),
    );
  });
});

describe('withTimeout', () => {
  it('rejects with the given error when time runs out, and passes results through otherwise', async () => {
    vi.useFakeTimers();
    try {
      const slow = withTimeout(new Promise(() => {}), 100, () => new HostError('host/timeout', 'late', { host: 'h' }));
      const assertion = expect(slow).rejects.toMatchObject({ code: 'host/timeout' });
      await vi.advanceTimersByTimeAsync(100);
      await assertion;
      await expect(withTimeout(Promise.resolve(1), 100, () => new Error('x'))).resolves.toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
