import { useEffect, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { ManagedPolicyDocumentFile } from '../../catalog/types';

export type ManagedPolicyState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly name: string }
  | { readonly status: 'ready'; readonly name: string; readonly policy: ManagedPolicyDocumentFile }
  | { readonly status: 'missing'; readonly name: string }
  | { readonly status: 'failed'; readonly name: string; readonly error: string };

/** The latest document of one AWS managed policy from the catalog (undefined name: nothing). */
export function useManagedPolicy(name: string | undefined): ManagedPolicyState {
  const { loader } = useCatalog();
  const [state, setState] = useState<ManagedPolicyState>({ status: 'idle' });
  useEffect(() => {
    if (name === undefined) return undefined;
    let live = true;
    setState({ status: 'loading', name });
    loader.managedPolicy(name).then(
      (policy) => live && setState(policy ? { status: 'ready', name, policy } : { status: 'missing', name }),
      (error: unknown) =>
        live && setState({ status: 'failed', name, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [loader, name]);
  // A state left from another name is not this one's.
  if (name === undefined) return { status: 'idle' };
  if (state.status === 'idle' || state.name !== name) return { status: 'loading', name };
  return state;
}
