/**
 * The colour of a health code. Green: free to move; yellow: short self-quarantine;
 * red: quarantine. The meaning of each colour is set by the issuing city's rules.
 */
export type HealthStatus = 'green' | 'yellow' | 'red';

/** Every status, in order of increasing risk. */
export const HEALTH_STATUSES: readonly HealthStatus[] = ['green', 'yellow', 'red'];
