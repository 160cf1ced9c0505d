import { afterEach, describe, expect, it } from 'vitest';
import { createHost, listHosts, registerHost, unregisterHost } from '@healthcode/core/host/kit';
import { HostError, type Host } from '@healthcode/core';

const registered: string[] = [];
function register(name: string, detect: () => boolean, extra: Partial<Host> = {}) {
  registered.push(name);
  registerHost({ name, detect, create: (options?: { tag?: string }) => ({ name, ...extra, ...(options && { identity: undefined }) }) });
}

afterEach(() => {
  registered.splice(0).forEach(unregisterHost);
});

describe('host registry', () => {
  it('lists hosts in registration order', () => {
    register('alpha', () => false);
    register('beta', () => false);
    expect(listHosts().filter((n) => registered.includes(n))).toEqual(['alpha', 'beta']);
  });

  it('creates a host by name and passes options through', () => {
    let received: unknown;
    registered.push('gamma');
    registerHost({ name: 'gamma', detect: () => false, create: (options) => ((received = options), { name: 'gamma' }) });
    expect(createHost('gamma', { wx: 1 }).name).toBe('gamma');
    expect(received).toEqual({ wx: 1 });
  });

  it('auto-detects the first host whose detect() is true, treating a throwing detect as false', () => {
    register('throws', () => {
      throw new Error('no globals here');
    });
    register('no', () => false);
    register('yes', () => true);
    register('also-yes', () => true);
    expect(createHost('auto').name).toBe('yes');
  });

  it('replaces a definition registered again under the same name', () => {
    register('dup', () => false);
    registerHost({ name: 'dup', detect: () => false, create: () => ({ name: 'dup-2' }) });
    expect(createHost('dup').name).toBe('dup-2');
    expect(listHosts().filter((n) => n === 'dup')).toHaveLength(1);
  });

  it('throws unsupported for an unknown name, naming the known hosts', () => {
    register('known', () => false);
    const error = (() => {
      try {
        createHost('nope');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'host/unsupported', host: 'nope' });
    expect((error as Error).message).toContain('known');
  });

  it('throws unsupported when auto detects nothing', () => {
    register('never', () => false);
    expect(() => createHost('auto')).toThrow(expect.objectContaining({ code: 'host/unsupported' }));
  });

  it('rejects the reserved name auto and empty names', () => {
    expect(() => registerHost({ name: 'auto', detect: () => true, create: () => ({ name: 'auto' }) })).toThrow(HostError);
    expect(() => registerHost({ name: '', detect: () => true, create: () => ({ name: '' }) })).toThrow(HostError);
  });
});
