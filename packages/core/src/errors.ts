/**
 * Base class of every error HealthCode throws. `code` is a stable string that
 * callers may `switch` on; messages are for people and may change.
 *
 * @typeParam C - the union of codes a subclass can carry
 */
export class HealthCodeError<C extends string = string> extends Error {
  /** Stable, machine-readable error code. */
  readonly code: C;

  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}
