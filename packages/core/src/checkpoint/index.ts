/**
 * `@healthcode/core/checkpoint`: what a venue admits, as data, and the decision a guard
 * reads instead of dates on a phone.
 *
 * @packageDocumentation
 */
import { HealthCodeError } from '../errors.js';
import type { HealthStatus } from '../status.js';
import type { VerifyFailureReason, VerifyOptions, VerifyResult } from '../code/verify.js';
import { verifyCode } from '../code/verifiers.js';

/** What a checkpoint admits: these colours, and optionally only with a recent negative test. */
export interface CheckpointPolicy {
  admit: readonly HealthStatus[];
  /** When set, the code must carry a negative test sampled at most this many hours ago. */
  negativeTestWithinHours?: number;
}

/** Thrown by {@link parseCheckpointPolicy} for text that names no policy. */
export class CheckpointPolicyError extends HealthCodeError<'checkpoint/invalid_policy'> {}

const COLOURS: Record<string, readonly HealthStatus[]> = {
  green: ['green'],
  green_or_yellow: ['green', 'yellow'],
  any: ['green', 'yellow', 'red'],
};

/**
 * Reads a policy written as `<colours>[+test:<hours>h]`: `green`, `green_or_yellow`, `any`,
 * e.g. `green+test:48h` (green with a negative test sampled in the last 48 hours).
 *
 * @example parseCheckpointPolicy('green+test:48h') // { admit: ['green'], negativeTestWithinHours: 48 }
 * @throws {@link CheckpointPolicyError}
 */
export function parseCheckpointPolicy(text: string): CheckpointPolicy {
  const match = /^([a-z_]+)(?:\+test:([1-9][0-9]{0,3})h)?$/.exec(typeof text === 'string' ? text.trim() : '');
  const admit = match?.[1] === undefined ? undefined : COLOURS[match[1]];
  if (!match || !admit) {
    throw new CheckpointPolicyError('checkpoint/invalid_policy', `not a checkpoint policy: ${JSON.stringify(text)} (e.g. green, green+test:48h, green_or_yellow)`);
  }
  return match[2] === undefined ? { admit } : { admit, negativeTestWithinHours: Number(match[2]) };
}

/** Why a checkpoint decided as it did: a verifier reason, or one of the policy's. */
export type CheckpointReason = VerifyFailureReason | 'admitted' | 'status_not_admitted' | 'negative_test_missing' | 'negative_test_too_old';

/** The guard's answer: admit, refuse, or the device cannot tell (its trust list or clock is unusable). */
export interface CheckpointDecision {
  decision: 'admit' | 'refuse' | 'cannot_verify';
  reason: CheckpointReason;
  /** The verification behind the decision. */
  result: VerifyResult;
}

/** Failures that say nothing about the code but that this device cannot check it now. */
const DEVICE_FAILURES: ReadonlySet<VerifyFailureReason> = new Set(['invalid_options', 'invalid_trust_list', 'trust_list_expired', 'internal_error']);

/**
 * Verifies a scanned code and applies the venue's policy. Never throws.
 *
 * @example
 * ```ts
 * import { verifyTrustList } from '@healthcode/core';
 * import { checkAdmission, parseCheckpointPolicy } from '@healthcode/core/checkpoint';
 *
 * const trust = await verifyTrustList(signedTrustList, rootPublicKey);
 * const { decision, reason } = await checkAdmission(scannedText, parseCheckpointPolicy('green+test:48h'), { trust });
 * ```
 */
export async function checkAdmission(qrText: string, policy: CheckpointPolicy, opts: VerifyOptions): Promise<CheckpointDecision> {
  const result = await verifyCode(qrText, opts);
  if (!result.valid) return { decision: DEVICE_FAILURES.has(result.reason) ? 'cannot_verify' : 'refuse', reason: result.reason, result };
  if (!policy.admit.includes(result.status)) return { decision: 'refuse', reason: 'status_not_admitted', result };
  const hours = policy.negativeTestWithinHours;
  if (hours !== undefined) {
    if (!result.negativeTestAt) return { decision: 'refuse', reason: 'negative_test_missing', result };
    const now = (opts.now ?? new Date()).getTime();
    if (now - result.negativeTestAt.getTime() > hours * 3_600_000) return { decision: 'refuse', reason: 'negative_test_too_old', result };
  }
  return { decision: 'admit', reason: 'admitted', result };
}
