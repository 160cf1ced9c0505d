export { testHost, type TestHostOptions } from './test-host.js';
export { conformanceServer, CONFORMANCE_ORIGIN, type FakeServer, type FakeServerRequest, type FakeServerResponse } from './server.js';
export type { HostHarness, HostScript, ScriptedFailure, ScriptedOperation } from './harness.js';
export {
  createFakeDevice,
  fakeCanvasNode,
  fakeSelectorQuery,
  type FakeDevice,
  type FakeCanvasNode,
  type FakeCanvasFields,
  type FakeCallbacks,
} from './fake-device.js';
export { findMissingReferences, type MiniProgramLayout, type ReferenceFs } from './miniprogram-references.js';
