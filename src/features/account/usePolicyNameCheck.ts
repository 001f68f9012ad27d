import { useCallback, useEffect, useState } from 'react';
import { ApiError, call, isAbortError, toApiError } from '../../api/client';
import type { CheckPolicyNameOutput } from '../../api/contract';
import { policyNameProblem } from '../../policy/iamLimits';
import { useDebouncedValue } from './useDebouncedValue';

export type NameCheck =
  | { readonly status: 'invalid'; readonly message: string }
  | { readonly status: 'checking' }
  | { readonly status: 'available' }
  | { readonly status: 'taken'; readonly message: string; readonly conflict?: string }
  | { readonly status: 'unchecked'; readonly message: string }
  | { readonly status: 'error'; readonly error: ApiError };

type Answer = CheckPolicyNameOutput | ApiError;

const DEBOUNCE_MS = 350;

/**
 * Checks a policy name as it is typed: IAM's pattern at once, then (debounced) whether the
 * account already has a customer managed policy of that name, compared case-insensitively.
 */
export function usePolicyNameCheck(name: string, connected: boolean) {
  const [answers, setAnswers] = useState<ReadonlyMap<string, Answer>>(new Map());
  const settled = useDebouncedValue(name, DEBOUNCE_MS);
  const problem = policyNameProblem(name);

  useEffect(() => {
    if (!connected || policyNameProblem(settled) || answers.has(settled)) return;
    const controller = new AbortController();
    call('checkPolicyName', { name: settled }, { signal: controller.signal })
      .then((out) => setAnswers((m) => new Map(m).set(settled, out)))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setAnswers((m) => new Map(m).set(settled, toApiError(error)));
      });
    return () => controller.abort();
  }, [settled, connected, answers]);

  /** after IAM said EntityAlreadyExists, or after creating it */
  const markTaken = useCallback((taken: string, message: string) => {
    setAnswers((m) =>
      new Map(m).set(taken, { name: taken, valid: true, available: false, problem: message }),
    );
  }, []);

  /** forget the answers (e.g. to retry after an error) */
  const recheck = useCallback(() => setAnswers(new Map()), []);

  let check: NameCheck;
  const answer = answers.get(name);
  if (problem) check = { status: 'invalid', message: problem };
  else if (!connected)
    check = {
      status: 'unchecked',
      message: 'Not connected: the name cannot be checked against the account.',
    };
  else if (!answer) check = { status: 'checking' };
  else if (answer instanceof ApiError) check = { status: 'error', error: answer };
  else if (!answer.valid)
    check = { status: 'invalid', message: answer.problem ?? 'IAM does not accept this name.' };
  else if (!answer.available) {
    check = {
      status: 'taken',
      message: answer.problem ?? `A policy named ${name} already exists.`,
      ...(answer.conflict ? { conflict: answer.conflict.name } : {}),
    };
  } else check = { status: 'available' };
  return { check, markTaken, recheck };
}
