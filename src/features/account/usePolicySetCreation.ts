import { useCallback, useState } from 'react';
import { call, toApiError } from '../../api/client';
import type { AttachResult, TagInput } from '../../api/contract';
import { serializeDocument } from '../../policy/serialize';
import { useAccountRefresh } from './accountQueries';
import { targetKey, type AttachTarget } from './attachResults';
import { CANCELLED } from './cancelledText';
import { attachmentsToSend, partTags, partsToCreate, type PartState, type SetPart } from './policySetCreation';
import { useCancellable } from './useCancellable';

export interface SetRequest {
  readonly stem: string;
  readonly names: readonly string[];
  readonly parts: readonly SetPart[];
  readonly description: string;
  readonly targets: readonly AttachTarget[];
  /** more tags for every part (what the set was built from) */
  readonly tags?: readonly TagInput[];
}

/**
 * Creates every part of a set, then attaches every created part to every target, one result per
 * part and per target. `run` again (Retry failed) redoes only what failed in a way a retry can
 * fix: a part whose create failed (the server answers a lost create with its own result), or an
 * attachment that failed for a passing reason. Attaching is idempotent in IAM too. `cancel` stops
 * at the call in flight: its part or targets are marked Cancelled (IAM may have done it anyway),
 * so Retry failed sends them again, which is safe.
 */
export function usePolicySetCreation(count: number) {
  const [states, setStates] = useState<readonly PartState[]>(() => Array.from({ length: count }, () => ({ status: 'waiting' })));
  const [results, setResults] = useState<ReadonlyMap<string, ReadonlyMap<string, AttachResult>>>(new Map());
  const [busy, setBusy] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const refresh = useAccountRefresh();
  const { start, cancel } = useCancellable();

  const run = useCallback(
    async (request: SetRequest) => {
      const signal = start();
      setBusy(true);
      setCancelled(false);
      try {
        const next = [...(states.length === count ? states : Array.from({ length: count }, () => ({ status: 'waiting' }) as PartState))];
        for (const index of partsToCreate(next)) {
          if (signal.aborted) break;
          const part = request.parts[index];
          const name = request.names[index];
          if (!part || !name) continue;
          try {
            const out = await call(
              'createPolicy',
              {
                name,
                document: serializeDocument(part.document, { format: 'pretty' }),
                ...(request.description.trim() ? { description: request.description } : {}),
                tags: partTags(request.stem, index, count, request.tags),
              },
              { signal },
            );
            next[index] = { status: 'created', policy: out.policy };
          } catch (e) {
            if (signal.aborted) {
              next[index] = {
                status: 'failed',
                error: { code: CANCELLED, message: 'Cancelled before IAM answered: it may have been created. Retry finds it or creates it.' },
              };
              setStates([...next]);
              break;
            }
            const error = toApiError(e);
            next[index] = { status: 'failed', error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } };
            refresh.failed(error);
          }
          setStates([...next]);
        }
        const merged = new Map(results);
        for (const step of signal.aborted ? [] : attachmentsToSend(next, request.targets, results)) {
          if (signal.aborted) break;
          const forPart = new Map(merged.get(step.policyArn));
          try {
            const out = await call(
              'attachPolicy',
              { policyArn: step.policyArn, targets: step.targets.map(({ kind, name }) => ({ kind, name })) },
              { signal },
            );
            for (const result of out.results) forPart.set(targetKey(result), result);
          } catch (e) {
            if (signal.aborted) {
              for (const target of step.targets) {
                forPart.set(targetKey(target), {
                  ...target,
                  status: 'error',
                  code: CANCELLED,
                  message: 'Cancelled before IAM answered: it may have been attached. Retry is safe: IAM never attaches a policy twice.',
                });
              }
              merged.set(step.policyArn, forPart);
              setResults(new Map(merged));
              break;
            }
            const error = toApiError(e);
            refresh.failed(error);
            for (const target of step.targets) {
              forPart.set(targetKey(target), { ...target, status: 'error', code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) });
            }
          }
          merged.set(step.policyArn, forPart);
          setResults(new Map(merged));
        }
        if (signal.aborted) setCancelled(true);
        refresh.changed();
      } finally {
        setBusy(false);
      }
    },
    [count, states, results, refresh, start],
  );

  return { states, results, busy, run, cancel, cancelled };
}
