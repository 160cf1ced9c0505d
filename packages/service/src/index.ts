/**
 * `@healthcode/service`: the HealthCode service engine, free of HTTP framework and
 * database. Routes, keyring, code issuer, idempotency, rate limits, retention, the
 * store interface with an in-memory store, and the request handling that the
 * reference server (fastify) and the msw handlers share.
 *
 * @packageDocumentation
 */
export { createService, type Service } from './service.js';
export { SERVICE_DEFAULTS, type ServiceOptions } from './options.js';
export { createServiceEngine, type ServiceEngine, type ServiceEngineOptions } from './engine.js';
export { createRequestHandler, REQUEST_ID_HEADER, withRequestId, type HttpRequest, type RequestHandlerOptions } from './transport.js';
export { errorResponse, ServiceConfigError, type ServiceConfigErrorCode } from './errors.js';
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
  type SharedKeyringStore,
  type SharedKeys,
  type RevokedCode,
} from './keys/keyring.js';
export type * from './authority/store.js';
export { ancestorPrefixes, regionPrefix } from './authority/store.js';
export { createMemoryAuthorityStore } from './authority/memory-store.js';
export { AUDIT_REASON_HEADER } from './authority/access.js';
export { verifyResultToJson } from './routes/code-routes.js';
export { canonicalJson } from './http.js';
export type * from './store/store.js';
export { createMemoryStore } from './store/memory-store.js';
export { DEFAULT_RETENTION } from './store/retention.js';
export { IDEMPOTENCY_IN_PROGRESS } from './idempotency.js';
