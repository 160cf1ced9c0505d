import { DEFAULT_CODE_TTL_SECONDS, type Alg, type CryptoProvider } from '@healthcode/core/code';
import type { RuleSet } from '@healthcode/core/assessment';
import type { IdentityVerifier } from './identity.js';
import type { IssuerInfo, KeyringState, SharedKeyringStore } from './keys/keyring.js';
import type { ServiceStore } from './store/store.js';
import type { AuthorityStore } from './authority/store.js';

/**
 * Everything a HealthCode service is configured with, written once: the reference
 * server and the msw handlers take these same options (plus what their transport needs).
 */
export interface ServiceOptions {
  store: ServiceStore;
  /** The health authority's store (operators, audit, facts, appeals); default in memory. */
  authority?: AuthorityStore;
  /** Key material (root, issuer keys, subject key), from `createKeyringState()` or a server's keys directory. */
  keys: KeyringState;
  /** Bearer token of the operator: creates organisations, decides passport reviews. */
  operatorToken: string;
  /** Who the service issues codes as. Default: a development issuer for Shanghai (`310000`). */
  issuer?: IssuerInfo;
  /** Checks host auth codes. Default: the development verifier (`dev:<userId>`), never for production. */
  identity?: IdentityVerifier;
  /** Assessment rules; default the built-in rule set. */
  rules?: RuleSet;
  /** Algorithm of keys made when the issuer key rotates; default ES256. */
  alg?: Alg;
  /** Lifetime of issued codes in seconds; default `DEFAULT_CODE_TTL_SECONDS` (600). */
  codeTtlSeconds?: number;
  /** Fraction of a code's lifetime after which `GET /v1/code` issues a fresh one; default 0.8. */
  refreshRatio?: number;
  /**
   * Several processes share the store (PostgreSQL): what one process changes, the others
   * must see. Current codes are then not cached per process, and the authority's rule set
   * in force and last evaluations are re-read from the store every few seconds.
   */
  sharedStore?: boolean;
  /** Lifetime of a session in seconds; default 7 days. */
  sessionTtlSeconds?: number;
  /** Per user and minute; defaults 30 declarations (idempotent replays are free) and 30 sign-ins. */
  rateLimits?: { declarationsPerMinute?: number; sessionsPerMinute?: number };
  /** Largest accepted request body in bytes (UTF-8, as sent); default 64 KiB. */
  bodyLimit?: number;
  now?: () => Date;
  crypto?: CryptoProvider;
  /** Sees every unexpected error (answered as `internal`), e.g. to log it. */
  onError?: (error: unknown) => void;
  /** Called with the new key material after every change (rotation, trust list sequence), to persist it. */
  onKeysChange?: (keys: KeyringState) => void;
  /** Sees every answer of a route with how long it took in seconds, e.g. for metrics. */
  onAnswer?: (route: { method: string; path: string }, status: number, seconds: number) => void;
  /** Key material shared with other processes through their database (see `Keyring.sync`). */
  sharedKeys?: SharedKeyringStore;
}

/** The defaults of {@link ServiceOptions}, in one place. */
export const SERVICE_DEFAULTS = {
  issuer: { id: 'dev-issuer', name: 'HealthCode development issuer', region: '310000' } satisfies IssuerInfo,
  codeTtlSeconds: DEFAULT_CODE_TTL_SECONDS,
  refreshRatio: 0.8,
  sessionTtlSeconds: 7 * 86_400,
  declarationsPerMinute: 30,
  sessionsPerMinute: 30,
  bodyLimit: 64 * 1024,
} as const;
