import type { ServiceStore } from '@healthcode/service';

/**
 * Where the server keeps its state: the service engine's `ServiceStore` plus a way to
 * release it. `SqliteStorage` is the reference implementation; a PostgreSQL one needs
 * only these methods (all asynchronous already) and the same transactional
 * `commitDeclaration` and `commitCheckin`.
 */
export interface Storage extends ServiceStore {
  /** Flushes and releases the store; the server calls it last on shutdown. */
  close(): Promise<void>;
}
