// What the global setup hands the tests (vitest's provide/inject).
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the PostgreSQL the tests share, or why there is none (see `postgresForTests`). */
    healthcodePostgres: { url: string } | { skip: string };
  }
}
export {};
