import { registerHost, type HostDefinition } from '@healthcode/core/host/kit';
import { mockHost, type MockHostOptions } from './mock-host.js';

/** The mock host's registry entry. It never detects itself: `createHost('mock')` asks for it by name. */
export const mockHostDefinition: HostDefinition<MockHostOptions> = {
  name: 'mock',
  detect: () => false,
  create: (options) => mockHost(options),
};

/** Registers the mock host so `createHost('mock', options)` builds one. */
export function registerMockHost(): void {
  registerHost(mockHostDefinition);
}
