export { mockHost, type MockHost, type MockHostOptions, type MockHostState, type MockCall, type MockOperation } from './mock-host.js';
export { mockHostDefinition, registerMockHost } from './definition.js';
export { createRecordingCanvas, type RecordingCanvas, type CanvasOperation } from './recording-canvas.js';
export type { FetchLike } from './fetch-send.js';
