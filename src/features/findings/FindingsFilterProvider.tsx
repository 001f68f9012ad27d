import { useMemo, useState, type ReactNode } from 'react';
import type { Severity } from '../../policy/model';
import { FindingsFilterContext, type FindingsFilter } from './findingsFilter';

/** Lets the header's count chips open the findings panel filtered by a severity. */
export function FindingsFilterProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<{ severity: Severity | undefined; requests: number }>({
    severity: undefined,
    requests: 0,
  });
  const value = useMemo<FindingsFilter>(
    () => ({
      ...state,
      show: (severity) => setState((s) => ({ severity, requests: s.requests + 1 })),
      clear: () => setState((s) => ({ ...s, severity: undefined })),
    }),
    [state],
  );
  return <FindingsFilterContext.Provider value={value}>{children}</FindingsFilterContext.Provider>;
}
