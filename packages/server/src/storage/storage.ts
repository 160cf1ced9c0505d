import type { AuthorityStore, ServiceStore, SharedKeyringStore } from '@healthcode/service';

/**
 * Where the server keeps its state: the service engine's `ServiceStore` plus a way to
 * release it. SQLite (embedded, one process) and PostgreSQL (shared by several processes)
 * implement it.
 */
export interface Storage extends ServiceStore {
  /** The health authority's area, in the same database; the server keeps it in memory when absent. */
  authority?: AuthorityStore;
  /**
   * Present when several server processes may share the store (PostgreSQL): they then keep
   * one key material and trust list in it, and no per-process cache of current codes.
   */
  readonly keyring?: SharedKeyringStore;
  /** Inserts rows in bulk (`pnpm seed`, imports): `rows` hold values in the order of `columns`. */
  insertMany(table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void>;
  /** The query plan of `sql` (the bench shows that the hot queries use indexes). */
  explain(sql: string, values: readonly unknown[]): Promise<string>;
  /** Bytes the database takes on disk, tables and indexes. */
  sizeInBytes(): Promise<number>;
  /** Flushes and releases the store; the server calls it last on shutdown. */
  close(): Promise<void>;
}
