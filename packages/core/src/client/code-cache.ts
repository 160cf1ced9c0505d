import type { HostStorage } from '../host/host.js';
import { type CodeResponse, codeResponseSchema } from '../api/index.js';
import { StoredValue } from './stored-value.js';

/** The user's current health code as the client holds it. */
export interface CodeSnapshot {
  /** Text to encode in the QR symbol. */
  qrText: string;
  status: CodeResponse['status'];
  expiresAt: Date;
  /** After this the client fetches a new code instead of serving the cached one. */
  refreshAfter: Date;
  display: CodeResponse['display'];
  /** `true` when the service could not be reached and this is the last code fetched. */
  stale: boolean;
  /** Why the colour is not green, each with what clears it (empty when green or not told). */
  reasons: NonNullable<CodeResponse['reasons']>;
  /** When the last negative test was sampled, if the code carries it. */
  negativeTestAt?: Date;
}

/**
 * The last code the service issued, in memory for speed and in host storage so the
 * code can still be shown after a restart without a network.
 */
export class CodeCache {
  private readonly stored: StoredValue<CodeResponse>;
  private memory: CodeResponse | undefined;

  constructor(storage: HostStorage, key: string) {
    this.stored = new StoredValue(storage, key, codeResponseSchema);
  }

  async get(): Promise<CodeResponse | undefined> {
    this.memory ??= await this.stored.read();
    return this.memory;
  }

  async set(code: CodeResponse): Promise<void> {
    this.memory = code;
    await this.stored.write(code);
  }

  async clear(): Promise<void> {
    this.memory = undefined;
    await this.stored.clear();
  }
}

/** The wire form with its times as `Date`s. */
export function toSnapshot(code: CodeResponse, stale: boolean): CodeSnapshot {
  return {
    qrText: code.qrText,
    status: code.status,
    expiresAt: new Date(code.expiresAt),
    refreshAfter: new Date(code.refreshAfter),
    display: code.display,
    stale,
    reasons: code.reasons ?? [],
    ...(code.negativeTestAt === undefined ? {} : { negativeTestAt: new Date(code.negativeTestAt) }),
  };
}
