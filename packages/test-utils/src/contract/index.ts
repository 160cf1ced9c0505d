/** The service contract suite, run against every implementation of `/v1`. */
export { testServiceContract } from './suite.js';
export { caller, manualClock, type CallOptions, type ContractClock, type ContractFetch, type JsonAnswer, type ServiceContractOptions, type ServiceUnderTest } from './harness.js';
export { greenAnswers, residentId, unwellAnswers } from './fixtures.js';
