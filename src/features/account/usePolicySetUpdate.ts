import { useCallback, useState } from 'react';
import { ApiError, call, toApiError } from '../../api/client';
import type { ApiErrorInfo } from '../../api/contract';
import type { PolicySetOrigin } from '../../editor/policyReducer';
import { serializeDocument } from '../../policy/serialize';
import { useAccountRefresh } from './accountQueries';
import { KIND_LABEL, isSuccess } from './attachResults';
import {
  stepsToRun,
  updatedPartTags,
  type SetReference,
  type SetStep,
  type StepState,
} from './policySetUpdate';
import { oldestNonDefault } from './sourcePolicy';

export interface SetUpdateContext {
  readonly origin: PolicySetOrigin;
  /** what the updated set is built from (recorded in every part's tags) */
  readonly reference: SetReference | undefined;
}

const info = (error: ApiError): ApiErrorInfo => ({
  code: error.code,
  message: error.message,
  ...(error.hint ? { hint: error.hint } : {}),
});

/**
 * Saves a re-packed set over its parts in the account, one step per part: a new default version
 * (at IAM's 5 versions, the oldest non-default version is deleted first, and the result says so)
 * and the part's tags brought up to date; a new part created with the set's description and tags
 * and attached to the set's targets; a surplus part detached and deleted. `run` again (Retry
 * failed) redoes only the steps that failed, and within a step what was not done yet.
 */
export function usePolicySetUpdate(steps: readonly SetStep[]) {
  const [states, setStates] = useState<readonly StepState[]>(() => steps.map(() => ({ status: 'waiting' })));
  const [busy, setBusy] = useState(false);
  const refresh = useAccountRefresh();

  const run = useCallback(
    async ({ origin, reference }: SetUpdateContext) => {
      setBusy(true);
      const next: StepState[] = steps.map((_, i) => states[i] ?? { status: 'waiting' });
      const count = steps.filter((s) => s.kind !== 'delete').length;
      try {
        for (const index of stepsToRun(next)) {
          const step = steps[index];
          const previous = next[index];
          if (!step) continue;
          const progress = previous?.status === 'failed' ? { ...previous.progress } : {};
          try {
            const document =
              step.kind === 'delete' ? '' : serializeDocument(step.document, { format: 'pretty' });
            if (step.kind === 'version') {
              let note = '';
              if (progress.versionId === undefined) {
                const create = () =>
                  call('createPolicyVersion', { policyArn: step.arn, document, setAsDefault: true });
                let out;
                try {
                  out = await create();
                } catch (e) {
                  const error = toApiError(e);
                  const oldest =
                    error.code === 'LimitExceeded' && error.versions
                      ? oldestNonDefault(error.versions)
                      : undefined;
                  if (!oldest) throw error;
                  await call('deletePolicyVersion', { policyArn: step.arn, versionId: oldest.versionId });
                  note = `; deleted ${oldest.versionId}, the oldest non-default version, to stay within IAM's 5 versions`;
                  out = await create();
                }
                progress.versionId = out.version.versionId;
              }
              await call('tagPolicy', {
                policyArn: step.arn,
                tags: updatedPartTags(origin.name, index, count, reference),
              });
              next[index] = {
                status: 'done',
                note: `New default version ${progress.versionId}${note}`,
                versionId: progress.versionId,
              };
            } else if (step.kind === 'create') {
              if (progress.arn === undefined) {
                const out = await call('createPolicy', {
                  name: step.name,
                  document,
                  ...(origin.description ? { description: origin.description } : {}),
                  tags: updatedPartTags(origin.name, index, count, reference),
                });
                progress.arn = out.policy.arn;
              }
              let attached = '';
              if (origin.attachedTo.length > 0) {
                const out = await call('attachPolicy', {
                  policyArn: progress.arn,
                  targets: origin.attachedTo.map(({ kind, name }) => ({ kind, name })),
                });
                const failed = out.results.find((r) => !isSuccess(r.status));
                if (failed) {
                  throw new ApiError(
                    {
                      code: failed.code ?? 'Error',
                      message: `Created, but attaching to ${KIND_LABEL[failed.kind]} ${failed.name} failed: ${failed.message ?? failed.status}`,
                    },
                    200,
                  );
                }
                attached = ` and attached to ${origin.attachedTo.map((t) => `${KIND_LABEL[t.kind]} ${t.name}`).join(', ')}`;
              }
              next[index] = {
                status: 'done',
                note: `Created${attached}`,
                arn: progress.arn,
                versionId: 'v1',
              };
            } else {
              const out = await call('deletePolicy', { policyArn: step.arn, detach: true });
              const from = out.detached.map((t) => `${KIND_LABEL[t.kind]} ${t.name}`).join(', ');
              next[index] = { status: 'done', note: from ? `Detached from ${from} and deleted` : 'Deleted' };
            }
          } catch (e) {
            const error = toApiError(e);
            refresh.failed(error);
            next[index] = { status: 'failed', error: info(error), progress };
          }
          setStates([...next]);
        }
        refresh.changed();
      } finally {
        setBusy(false);
      }
      return next;
    },
    [steps, states, refresh],
  );

  return { states, busy, run };
}
