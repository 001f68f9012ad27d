import { useEffect, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { CompactResult } from '../../policy/compact';
import type { JsonValue, PolicyKind } from '../../policy/model';
import type { SplitResult } from '../../policy/split';
import { fitTarget } from './fitTarget';
import { compactInBackground, splitInBackground } from './policyTasks';

export type FitPlan =
  | { readonly status: 'idle' }
  | { readonly status: 'working' }
  | {
      readonly status: 'done';
      /** the split into parts of fitTarget(kind).partQuota, compacted first; undefined when no split applies */
      readonly split?: SplitResult;
      /** the compaction (merging nothing), when known */
      readonly compaction?: CompactResult;
    }
  | { readonly status: 'failed'; readonly error: string };

interface Computed {
  readonly document: JsonValue;
  readonly kind: PolicyKind;
  readonly plan: FitPlan;
}

/** Quiet time after the last edit before the background work starts. */
const SETTLE_MS = 300;

/**
 * While `enabled` (the draft is over its quota): in the background, how compaction and a split
 * would make the draft fit. Recomputed when the document or the kind changes.
 */
export function useFitPlan(document: JsonValue, kind: PolicyKind, enabled: boolean): FitPlan {
  const { view } = useCatalog();
  const [computed, setComputed] = useState<Computed | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    const handle = window.setTimeout(() => {
      const { partQuota } = fitTarget(kind);
      const work: Promise<FitPlan> =
        partQuota === undefined
          ? compactInBackground(document, {}, view).then((compaction) => ({ status: 'done', compaction }))
          : splitInBackground(document, { quota: partQuota, compact: true }, view).then((split) => ({
              status: 'done',
              split,
              ...(split.ok && split.compaction ? { compaction: split.compaction } : {}),
            }));
      work.then(
        (plan) => live && setComputed({ document, kind, plan }),
        (error: unknown) =>
          live && setComputed({ document, kind, plan: { status: 'failed', error: error instanceof Error ? error.message : String(error) } }),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      window.clearTimeout(handle);
    };
  }, [document, kind, enabled, view]);
  if (!enabled) return { status: 'idle' };
  if (!computed || computed.document !== document || computed.kind !== kind) return { status: 'working' };
  return computed.plan;
}
