import { createContext } from 'react';
import type { Severity } from '../../policy/model';

/** What the header's count chips ask of the findings panel. */
export interface FindingsFilter {
  /** the severity the findings panel shows alone, or undefined for every finding */
  readonly severity: Severity | undefined;
  /** goes up each time a count chip asks for the findings panel to open */
  readonly requests: number;
  /** opens the findings panel showing one severity */
  readonly show: (severity: Severity) => void;
  /** shows every finding again */
  readonly clear: () => void;
}

export const FindingsFilterContext = createContext<FindingsFilter>({
  severity: undefined,
  requests: 0,
  show: () => undefined,
  clear: () => undefined,
});
