import { useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useAnalysis } from '../../editor/useEditor';
import { suggestPolicyName } from '../../policy/suggestName';

/** The policy name suggested from what the policy grants: the same one the review step offers. */
export function useSuggestedPolicyName(): string {
  const { model } = useAnalysis();
  const { view, version } = useCatalog();
  return useMemo(() => {
    void version; // access levels arrive with the service details
    return suggestPolicyName(model, view);
  }, [model, view, version]);
}
