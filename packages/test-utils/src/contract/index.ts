/** The service contract suite, run against every implementation of `/v1`, and the store's. */
export { testServiceContract } from './suite.js';
export { testStoreIdempotencyAndPurge, type StoreContractOptions } from './store-suite.js';
export { testStoreRecords } from './store-records-suite.js';
export { testAuthorityStore, type AuthorityStoreContractOptions } from './authority-store-suite.js';
export {
  caller,
  manualClock,
  type CallOptions,
  type ContractClock,
  type ContractFetch,
  type JsonAnswer,
  type ServiceContractOptions,
  type ServiceUnderTest,
} from './harness.js';
export { greenAnswers, residentId, unwellAnswers } from './fixtures.js';
