import { memo } from 'react';
import type { StatementView } from '../../policy/model';
import { ActionPickerBody } from './ActionPickerBody';
import { ACTION_MEMBERS, sameStatementMembers } from '../common/statementProps';

export interface ActionPickerProps {
  readonly id: string;
  readonly statement: StatementView;
  /** the block's service prefix */
  readonly service: string;
  readonly readOnly: boolean;
  /** the list also names other services' actions: this picker is one section of the block */
  readonly shared?: boolean;
  /** the service kept in the block's meta (a block with no actions yet still has its service) */
  readonly metaService?: string | undefined;
}

const NO_VALUES: readonly string[] = [];

/**
 * The actions of the block's service, by access level: check boxes, "select all" per level,
 * a filter, patterns (s3:Get*), "all actions" (s3:*) and NotAction. Writes the block's Action (or
 * NotAction) list as a sorted array, one undo step per click.
 *
 * Memoized on the statement's action members: the body re-renders only when this block's list changes.
 */
export const ActionPicker = memo(function ActionPicker({ id, statement, service, readOnly, shared, metaService }: ActionPickerProps) {
  const notAction = statement.action === undefined && statement.notAction !== undefined;
  const values = (notAction ? statement.notAction : statement.action)?.values ?? NO_VALUES;
  return (
    <ActionPickerBody
      key={service}
      id={id}
      index={statement.index}
      service={service}
      values={values}
      notAction={notAction}
      effect={statement.effect === 'Deny' ? 'Deny' : 'Allow'}
      metaService={metaService}
      readOnly={readOnly}
      shared={shared}
    />
  );
}, sameStatementMembers<ActionPickerProps>(ACTION_MEMBERS));
