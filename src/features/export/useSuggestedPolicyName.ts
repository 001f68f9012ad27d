import { useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useAnalysis } from '../../editor/useEditor';
import { summarize } from '../../policy/summary';
import { suggestPolicyName } from './suggestName';

/** The policy name suggested from the services in the policy (see suggestName.ts). */
export function useSuggestedPolicyName(): string {
  const { model } = useAnalysis();
  const { view, version } = useCatalog();
  return useMemo(() => {
    void version; // access levels arrive with the service details
    return suggestPolicyName(model, model ? summarize(model, view) : null);
  }, [model, view, version]);
}
