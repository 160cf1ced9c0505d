import type { CryptoProvider } from '@healthcode/core/code';
import type { RuleSet } from '@healthcode/core/assessment';
import { ApiError } from '@healthcode/core/api';
import type { CodeIssuer } from './keys/code-issuer.js';
import { bearerToken, sameSecret, type ServiceRequest } from './http.js';
import type { IdentityVerifier } from './identity.js';
import type { Keyring } from './keys/keyring.js';
import type { RateLimiter } from './rate-limit.js';
import type { StoredOrg, ServiceStore, StoredUser, StoredVenue } from './store/store.js';
import type { AuthorityStore } from './authority/store.js';
import type { Colour } from './authority/colour.js';

/** What every route handler of the engine shares. */
export interface ServiceContext {
  store: ServiceStore;
  keyring: Keyring;
  codes: CodeIssuer;
  /** Per user: declarations (validated or not) and sign-ins. */
  limits: { declarations: RateLimiter; sessions: RateLimiter };
  identity: IdentityVerifier;
  operatorToken: string;
  rules: RuleSet | undefined;
  sessionTtlSeconds: number;
  now: () => Date;
  crypto: CryptoProvider | undefined;
  /** The health authority's area: its store, and the colour function over it. */
  authority: AuthorityStore;
  colour: Colour;
}

/** The signed-in user of a request, or `unauthorized`. */
export async function authenticate(ctx: ServiceContext, request: ServiceRequest): Promise<StoredUser & { sessionExpiresAt: number }> {
  const session = await ctx.store.findSession(bearerToken(request));
  if (!session || session.expiresAt <= ctx.now().getTime()) throw new ApiError('unauthorized', 'session unknown or expired');
  const user = await ctx.store.getUser(session.userId);
  if (!user) throw new ApiError('unauthorized', 'session unknown or expired');
  return { ...user, sessionExpiresAt: session.expiresAt };
}

/** Passes only requests bearing the operator token (org creation, passport reviews). */
export function requireOperator(ctx: ServiceContext, request: ServiceRequest): void {
  if (!sameSecret(bearerToken(request), ctx.operatorToken)) throw new ApiError('forbidden', 'operator token required');
}

/**
 * Passes only the admin of `orgId`. Another organisation's admin gets `forbidden`,
 * the same answer as for an organisation that does not exist, so ids cannot be probed.
 */
export async function requireOrgAdmin(ctx: ServiceContext, request: ServiceRequest, orgId: string | undefined): Promise<StoredOrg> {
  const org = await ctx.store.findOrgByAdminToken(bearerToken(request));
  if (!org) throw new ApiError('unauthorized', 'admin token unknown');
  if (org.orgId !== orgId) throw new ApiError('forbidden', 'this admin token belongs to another organisation');
  return org;
}

/**
 * The venue a check-in is for, when `scannerToken` is that venue's scanner credential.
 * A missing credential, a wrong one and an unknown venue all get the same `forbidden`,
 * so venue ids cannot be probed.
 */
export async function requireVenueScanner(ctx: ServiceContext, venueId: string, scannerToken: string | undefined): Promise<StoredVenue> {
  const venue = scannerToken === undefined ? undefined : await ctx.store.findVenueByScannerToken(scannerToken);
  if (!venue || venue.venueId !== venueId) throw new ApiError('forbidden', 'scanner token missing or not valid for this venue');
  return venue;
}
