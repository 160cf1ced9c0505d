import type { AuthorityStore, ServiceStore } from '@healthcode/service';

/**
 * Where the server keeps its state: the service engine's `ServiceStore` plus a way to
 * release it. `SqliteStorage` is the reference implementation; a PostgreSQL one needs
 * only these methods (all asynchronous already) and the same transactional
 * `commitDeclaration` and `commitCheckin`.
 */
export interface Storage extends ServiceStore {
  /** The health authority's area, in the same database; the server keeps it in memory when absent. */
  authority?: AuthorityStore;
  /** Flushes and releases the store; the server calls it last on shutdown. */
  close(): Promise<void>;
}
