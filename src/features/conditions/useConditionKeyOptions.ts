import { useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { StatementView } from '../../policy/model';
import { useBlockResourceTypes } from '../resources/useBlockResourceTypes';
import { conditionKeyOptions, type ConditionKeyOption } from './conditionKeys';

/** The condition keys the block can use (service keys, then global keys). */
export function useConditionKeyOptions(statement: StatementView, service: string): readonly ConditionKeyOption[] {
  const { view } = useCatalog();
  const { detail, chosen, types } = useBlockResourceTypes(statement, service);
  return useMemo(() => conditionKeyOptions(detail, chosen, types, view.globalConditionKeys), [detail, chosen, types, view]);
}
