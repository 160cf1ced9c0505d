export { createServiceEngine, errorResponse, type ServiceEngine, type ServiceEngineOptions } from './engine.js';
export type { ServiceRequest, ServiceResponse, ServiceRoute } from './http.js';
export { devIdentityVerifier, type IdentityProof, type IdentityVerifier, type VerifiedIdentity } from './identity.js';
export {
  createKeyring,
  createKeyringState,
  type CreateKeyringStateOptions,
  type IssuerInfo,
  type StoredIssuerKey,
  type Keyring,
  type KeyringOptions,
  type KeyringState,
  type PublishedTrustList,
} from './keyring.js';
export { verifyResultToJson } from './code-routes.js';
export { canonicalJson } from './http.js';
export type * from './store.js';
export { DEFAULT_RETENTION } from './retention.js';
export { IDEMPOTENCY_IN_PROGRESS } from './idempotency.js';
