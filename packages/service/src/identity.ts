import { ApiError } from '@healthcode/core/api';

/** What `POST /v1/sessions` hands to the identity verifier. */
export interface IdentityProof {
  host: string;
  authCode: string;
  realNameTicket?: string;
}

/** A host user whose auth code checked out. */
export interface VerifiedIdentity {
  /** The user's id within the host (an openid, a user id); the service prefixes it with the host. */
  hostUserId: string;
}

/**
 * Exchanges a host's one-time auth code for the user it belongs to, typically by
 * calling the host platform's server API. The host has already verified who the user
 * is; the service trusts that.
 */
export interface IdentityVerifier {
  /** @throws ApiError `unauthorized` when the code is unknown, used or expired */
  verify(proof: IdentityProof): Promise<VerifiedIdentity>;
}

const DEV_CODE = /^dev:([A-Za-z0-9_.-]{1,64})$/;

/**
 * For development and tests only: accepts auth codes `dev:<userId>` from any host
 * and rejects everything else. Never use it in production: anyone can sign in as
 * anyone.
 */
export function devIdentityVerifier(): IdentityVerifier {
  return {
    async verify({ authCode }) {
      const match = DEV_CODE.exec(authCode);
      if (!match?.[1]) throw new ApiError('unauthorized', 'auth code not accepted (the dev verifier takes "dev:<userId>")');
      return { hostUserId: match[1] };
    },
  };
}
