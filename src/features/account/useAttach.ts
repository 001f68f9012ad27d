import { useCallback, useState } from 'react';
import { call, toApiError, type ApiError } from '../../api/client';
import type { AttachResult } from '../../api/contract';
import { useAccountRefresh } from './accountQueries';
import { mergeResults, newTargets, retryTargets, targetKey, type AttachTarget } from './attachResults';
import { useCancellable } from './useCancellable';

export interface AttachState {
  readonly selected: readonly AttachTarget[];
  readonly results: ReadonlyMap<string, AttachResult>;
  readonly busy: boolean;
  /** the whole request failed (e.g. the server is gone): nothing was reported per target */
  readonly error: ApiError | null;
  /** the user cancelled the last request (some attachments may have been made anyway) */
  readonly cancelled: boolean;
  /** aborts the request in flight */
  readonly cancel: () => void;
  readonly isSelected: (target: AttachTarget) => boolean;
  readonly toggle: (target: AttachTarget) => void;
  /** attaches to the selected targets not tried yet */
  readonly attachSelected: () => Promise<void>;
  /** sends only the selected targets whose last attempt failed */
  readonly retryFailed: () => Promise<void>;
  readonly reset: () => void;
}

/**
 * Attaching one policy to users, groups and roles. Each target's result is kept; a retry sends
 * only targets that do not have the policy, and attaching is idempotent on the server too.
 */
export function useAttach(policyArn: string | undefined): AttachState {
  const [selected, setSelected] = useState<readonly AttachTarget[]>([]);
  const [results, setResults] = useState<ReadonlyMap<string, AttachResult>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const refresh = useAccountRefresh();
  const { start, cancel } = useCancellable();

  const send = useCallback(
    async (targets: readonly AttachTarget[]) => {
      if (!policyArn || targets.length === 0) return;
      const signal = start();
      setBusy(true);
      setError(null);
      setCancelled(false);
      try {
        const out = await call(
          'attachPolicy',
          { policyArn, targets: targets.map(({ kind, name }) => ({ kind, name })) },
          { signal },
        );
        setResults((previous) => mergeResults(previous, out.results));
        refresh.changed(); // attached counts changed: list again
      } catch (e) {
        if (signal.aborted) {
          // no result per target: the targets stay selected and untried, and the lists are read again
          setCancelled(true);
          refresh.changed();
          return;
        }
        const failure = toApiError(e);
        setError(failure);
        refresh.failed(failure);
      } finally {
        setBusy(false);
      }
    },
    [policyArn, refresh, start],
  );

  const isSelected = useCallback(
    (t: AttachTarget) => selected.some((s) => targetKey(s) === targetKey(t)),
    [selected],
  );
  const toggle = useCallback((t: AttachTarget) => {
    setSelected((current) =>
      current.some((s) => targetKey(s) === targetKey(t))
        ? current.filter((s) => targetKey(s) !== targetKey(t))
        : [...current, t],
    );
  }, []);

  return {
    selected,
    results,
    busy,
    error,
    cancelled,
    cancel,
    isSelected,
    toggle,
    attachSelected: () => send(newTargets(selected, results)),
    retryFailed: () => send(retryTargets(selected, results)),
    reset: () => {
      setSelected([]);
      setResults(new Map());
      setError(null);
      setCancelled(false);
    },
  };
}
