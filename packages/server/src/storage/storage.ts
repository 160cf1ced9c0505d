import type { ServiceStore, SharedKeyringStore } from '@healthcode/service';

/**
 * Where the server keeps its state: the service engine's `ServiceStore` plus a way to
 * release it. SQLite (embedded, one process) and PostgreSQL (shared by several processes)
 * implement it.
 */
export interface Storage extends ServiceStore {
  /**
   * Present when several server processes may share the store (PostgreSQL): they then keep
   * one key material and trust list in it, and no per-process cache of current codes.
   */
  readonly keyring?: SharedKeyringStore;
  /** Flushes and releases the store; the server calls it last on shutdown. */
  close(): Promise<void>;
}
