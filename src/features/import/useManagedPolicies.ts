import { useEffect, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { ManagedPolicyEntry } from '../../catalog/types';

export type ManagedPoliciesState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly policies: readonly ManagedPolicyEntry[] }
  | { readonly status: 'failed'; readonly error: string };

/** The catalog's index of AWS managed policies, loaded on first use (the loader keeps it). */
export function useManagedPolicies(enabled = true): ManagedPoliciesState {
  const { loader } = useCatalog();
  const [state, setState] = useState<ManagedPoliciesState>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    loader.managedPolicies().then(
      (policies) => live && setState({ status: 'ready', policies }),
      (error: unknown) => live && setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [loader, enabled]);
  return state;
}
