import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call, toApiError, type ApiError } from '../../api/client';
import type { CheckPolicyNameOutput } from '../../api/contract';
import { policyNameProblem } from '../../policy/iamLimits';
import { accountKeys } from './accountQueries';
import { useDebouncedValue } from './useDebouncedValue';

export type NameCheck =
  | { readonly status: 'invalid'; readonly message: string }
  | { readonly status: 'checking' }
  | { readonly status: 'available' }
  | { readonly status: 'taken'; readonly message: string; readonly conflict?: string }
  | { readonly status: 'unchecked'; readonly message: string }
  | { readonly status: 'error'; readonly error: ApiError };

const DEBOUNCE_MS = 350;

/**
 * Checks a policy name as it is typed: IAM's pattern at once, then (debounced) whether the
 * account already has a customer managed policy of that name, compared case-insensitively. Each
 * name's answer is cached; `markTaken` records what IAM said on create.
 */
export function usePolicyNameCheck(name: string, connected: boolean) {
  const client = useQueryClient();
  const settled = useDebouncedValue(name, DEBOUNCE_MS);
  const problem = policyNameProblem(name);
  const asked = connected && !policyNameProblem(settled);
  useQuery({
    queryKey: accountKeys.nameCheck(settled),
    queryFn: ({ signal }) => call('checkPolicyName', { name: settled }, { signal }),
    enabled: asked,
    staleTime: 60_000,
  });
  const answer = client.getQueryState<CheckPolicyNameOutput, Error>(accountKeys.nameCheck(name));

  /** after IAM said EntityAlreadyExists, or after creating it */
  const markTaken = useCallback(
    (taken: string, message: string) => {
      client.setQueryData<CheckPolicyNameOutput>(accountKeys.nameCheck(taken), {
        name: taken,
        valid: true,
        available: false,
        problem: message,
      });
    },
    [client],
  );

  /** forget the answers (e.g. to retry after an error) */
  const recheck = useCallback(() => void client.resetQueries({ queryKey: ['nameCheck'] }), [client]);

  let check: NameCheck;
  const out = answer?.data;
  if (problem) check = { status: 'invalid', message: problem };
  else if (!connected)
    check = {
      status: 'unchecked',
      message: 'Not connected: the name cannot be checked against the account.',
    };
  else if (out && answer?.fetchStatus !== 'fetching') {
    if (!out.valid) check = { status: 'invalid', message: out.problem ?? 'IAM does not accept this name.' };
    else if (!out.available)
      check = {
        status: 'taken',
        message: out.problem ?? `A policy named ${name} already exists.`,
        ...(out.conflict ? { conflict: out.conflict.name } : {}),
      };
    else check = { status: 'available' };
  } else if (answer?.status === 'error' && answer.fetchStatus !== 'fetching')
    check = { status: 'error', error: toApiError(answer.error) };
  else check = { status: 'checking' };
  return { check, markTaken, recheck };
}
