import { useEffect, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { CompactOptions, CompactResult } from '../../policy/compact';
import type { JsonValue } from '../../policy/model';
import { compactInBackground } from './policyTasks';

export type CompactionState =
  | { readonly status: 'working' }
  | { readonly status: 'done'; readonly result: CompactResult }
  | { readonly status: 'failed'; readonly error: string };

interface Computed {
  readonly document: JsonValue;
  readonly key: string;
  readonly state: CompactionState;
}

/** compactPolicy(document, options), in the background; a result for other inputs is never shown. */
export function useCompaction(document: JsonValue, options: CompactOptions): CompactionState {
  const { view } = useCatalog();
  const key = `${options.mergeStatements === true}:${options.wildcards ?? 'any'}`;
  const [computed, setComputed] = useState<Computed | undefined>(undefined);
  const { mergeStatements, wildcards } = options;
  useEffect(() => {
    let live = true;
    compactInBackground(document, { mergeStatements: mergeStatements === true, wildcards: wildcards ?? 'any' }, view).then(
      (result) => live && setComputed({ document, key, state: { status: 'done', result } }),
      (error: unknown) =>
        live && setComputed({ document, key, state: { status: 'failed', error: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [document, key, mergeStatements, wildcards, view]);
  if (!computed || computed.document !== document || computed.key !== key) return { status: 'working' };
  return computed.state;
}
