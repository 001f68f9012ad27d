/**
 * Creating a policy set (a draft split into several managed policies) and attaching every part to
 * the chosen users, groups and roles, as plain data: what each part is called and tagged, whether
 * a target has room for the whole set, and what a retry sends again. Nothing here calls the server.
 */
import type { ApiErrorInfo, AttachResult, PolicyInfo, PrincipalInfo, TagInput } from '../../api/contract';
import type { JsonObject } from '../../policy/model';
import { ATTACHED_POLICY_QUOTA, POLICY_NAME_MAX, policyNameProblem } from '../../policy/iamLimits';
import { isRetryable, isSuccess, targetKey, type AttachTarget } from './attachResults';

/** The tags that let the app find a set's parts again. */
export const SET_TAG = 'iam-workbench:set';
export const PART_TAG = 'iam-workbench:part';

export interface SetPart {
  readonly name: string;
  readonly document: JsonObject;
  readonly size: number;
}

/** "Stem", "Stem-2", "Stem-3"…: the stem is shortened so that every part's name fits IAM's limit. */
export function setPartNames(stem: string, count: number): string[] {
  const suffix = count > 1 ? `-${count}`.length : 0;
  const base = stem.slice(0, POLICY_NAME_MAX - suffix);
  return Array.from({ length: count }, (_, i) => (i === 0 ? base : `${base}-${i + 1}`));
}

/** What is wrong with the stem (checked on every part's name), or undefined. */
export function stemProblem(stem: string, count: number): string | undefined {
  if (stem.trim() === '') return 'Enter a name for the set.';
  for (const name of setPartNames(stem, count)) {
    const problem = policyNameProblem(name);
    if (problem) return problem;
  }
  return undefined;
}

export function partTags(stem: string, index: number, count: number, extra: readonly TagInput[] = []): TagInput[] {
  return [...extra, { key: SET_TAG, value: stem }, { key: PART_TAG, value: `${index + 1}/${count}` }];
}

/** Whether a principal has room for every part of the set (attaching policies it already has is free). */
export function roomFor(principal: PrincipalInfo, parts: number): { fits: boolean; text: string } {
  const quota = principal.attachedPolicyQuota || ATTACHED_POLICY_QUOTA;
  if (principal.attachedPolicyCount === undefined) {
    return { fits: true, text: `attached policies unknown; the set needs ${parts} of ${quota}` };
  }
  const free = quota - principal.attachedPolicyCount;
  if (free >= parts) return { fits: true, text: `${principal.attachedPolicyCount}/${quota} attached; room for the ${parts} parts` };
  return {
    fits: false,
    text: `${principal.attachedPolicyCount}/${quota} attached: no room for ${parts} more (${free} free)`,
  };
}

export type PartState =
  | { readonly status: 'waiting' }
  | { readonly status: 'created'; readonly policy: PolicyInfo }
  | { readonly status: 'failed'; readonly error: ApiErrorInfo };

/** The parts still to create: never created, or failed (a lost answer is safe: the server reports its own result). */
export function partsToCreate(states: readonly PartState[]): number[] {
  return states.flatMap((state, index) => (state.status === 'created' ? [] : [index]));
}

/** Per created part, the targets to send: untried ones, and those whose failure a retry can fix. */
export function attachmentsToSend(
  states: readonly PartState[],
  targets: readonly AttachTarget[],
  results: ReadonlyMap<string, ReadonlyMap<string, AttachResult>>,
): { index: number; policyArn: string; targets: AttachTarget[] }[] {
  const plan: { index: number; policyArn: string; targets: AttachTarget[] }[] = [];
  states.forEach((state, index) => {
    if (state.status !== 'created') return;
    const done = results.get(state.policy.arn);
    const send = targets.filter((t) => {
      const result = done?.get(targetKey(t));
      return result === undefined || isRetryable(result.status);
    });
    if (send.length > 0) plan.push({ index, policyArn: state.policy.arn, targets: send });
  });
  return plan;
}

export interface SetOutcome {
  readonly created: number;
  readonly parts: number;
  /** target × part attachments that hold */
  readonly attached: number;
  readonly attachments: number;
  /** failures a retry can fix (part creation or attachment) */
  readonly retryable: number;
  /** failures a retry cannot fix */
  readonly final: number;
}

export function setOutcome(
  states: readonly PartState[],
  targets: readonly AttachTarget[],
  results: ReadonlyMap<string, ReadonlyMap<string, AttachResult>>,
): SetOutcome {
  let attached = 0;
  let retryable = 0;
  let final = 0;
  for (const state of states) {
    if (state.status === 'failed') retryable++;
    if (state.status !== 'created') continue;
    const done = results.get(state.policy.arn);
    for (const target of targets) {
      const result = done?.get(targetKey(target));
      if (!result) continue;
      if (isSuccess(result.status)) attached++;
      else if (isRetryable(result.status)) retryable++;
      else final++;
    }
  }
  return {
    created: states.filter((s) => s.status === 'created').length,
    parts: states.length,
    attached,
    attachments: states.length * targets.length,
    retryable,
    final,
  };
}
