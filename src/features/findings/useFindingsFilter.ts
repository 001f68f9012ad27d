import { useContext } from 'react';
import { FindingsFilterContext, type FindingsFilter } from './findingsFilter';

/** The findings panel's severity filter, set by the header's count chips. */
export function useFindingsFilter(): FindingsFilter {
  return useContext(FindingsFilterContext);
}
