import { useEffect, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { JsonValue } from '../../policy/model';
import type { SplitResult } from '../../policy/split';
import { splitInBackground } from './policyTasks';

export type SplitState =
  | { readonly status: 'working' }
  | { readonly status: 'done'; readonly result: SplitResult }
  | { readonly status: 'failed'; readonly error: string };

interface Computed {
  readonly document: JsonValue;
  readonly key: string;
  readonly state: SplitState;
}

/**
 * splitPolicy(document, { quota, compact }) in the background. `known` is a result already
 * computed for this document with compact: true (the too-big alert's), used instead of recomputing.
 */
export function useSplit(document: JsonValue, quota: number, compact: boolean, known: SplitResult | undefined): SplitState {
  const { view } = useCatalog();
  const key = `${quota}:${compact}`;
  const [computed, setComputed] = useState<Computed | undefined>(undefined);
  const useKnown = compact && known !== undefined;
  useEffect(() => {
    if (useKnown) return undefined;
    let live = true;
    splitInBackground(document, { quota, compact }, view).then(
      (result) => live && setComputed({ document, key, state: { status: 'done', result } }),
      (error: unknown) =>
        live && setComputed({ document, key, state: { status: 'failed', error: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [document, quota, compact, key, view, useKnown]);
  if (useKnown) return { status: 'done', result: known };
  if (!computed || computed.document !== document || computed.key !== key) return { status: 'working' };
  return computed.state;
}
