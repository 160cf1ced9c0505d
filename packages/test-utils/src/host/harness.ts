import type { Host } from '@healthcode/core';

/** A failure a fake can produce in its host's own error shape. */
export type ScriptedFailure = 'cancelled' | 'denied' | 'network' | 'timeout';

/** The operations whose next call a fake can make fail. */
export type ScriptedOperation = 'scan' | 'request' | 'location';

/**
 * How the conformance suite drives a fake host. Each method arms the fake's state in the
 * host's native form (e.g. Alipay keeps coordinates as strings), so the suite checks the
 * adapter's conversion, not the fake's.
 */
export interface HostScript {
  /** The next scan resolves with `text`. */
  queueScan(text: string): void;
  /** The next call of `operation` fails as the host reports `failure`. */
  failNext(operation: ScriptedOperation, failure: ScriptedFailure): void;
  /** The next confirm dialog is answered with `confirmed`. */
  answerNextConfirm(confirmed: boolean): void;
  /** The user takes a screenshot now. */
  takeScreenshot(): void;
  /** Where the device is. */
  setLocation(latitude: number, longitude: number): void;
  /** The device's pixel ratio. */
  setPixelRatio(ratio: number): void;
}

/** What `setup` returns: the host under test and the script that drives its fake. */
export interface HostHarness {
  host: Host;
  script: HostScript;
  /** Called after each test, e.g. to restore timers. */
  teardown?: () => void | Promise<void>;
}
