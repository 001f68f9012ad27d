import { useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { ServiceDetailFile } from '../../catalog/types';
import type { StatementView } from '../../policy/model';
import { applicableResourceTypes, chosenActions, type ApplicableResourceType, type ChosenActions } from './resourceTypes';
import { useServiceDetail } from '../blocks/useServiceDetail';

export interface BlockResourceTypes {
  readonly detail: ServiceDetailFile | undefined;
  readonly failed: boolean;
  readonly chosen: ChosenActions;
  readonly types: readonly ApplicableResourceType[];
}

/** The block's actions in its service and the resource types they take (empty until the service loads). */
export function useBlockResourceTypes(statement: StatementView, service: string): BlockResourceTypes {
  const { view, version } = useCatalog();
  const { detail, error } = useServiceDetail(service);
  const failed = error !== undefined;
  const { action, notAction } = statement;
  const chosen = useMemo(() => {
    void version;
    return chosenActions({ action, notAction }, service, view);
  }, [action, notAction, service, view, version]);
  const types = useMemo(() => (detail ? applicableResourceTypes(detail, chosen) : []), [detail, chosen]);
  return { detail, failed, chosen, types };
}
