/**
 * Where a choice from the search box goes. Pure.
 *
 * An action (or a pattern of one service) goes into the first block that already grants actions
 * of that service (Effect Allow, an Action list) or that is empty (no service, no actions);
 * otherwise into a new block. A service goes into the first empty block, or a new block.
 * Blocks the visual editor cannot fully show are never touched.
 */
import type { StatementView } from '../../policy/model';
import { matchesPattern } from '../../policy/expand';
import { blockShape } from '../blocks/blockShape';

export interface BlockRef {
  readonly id: string;
  readonly statement: StatementView;
  /** the service chosen for the block while it has no actions (block meta) */
  readonly chosenService?: string;
}

export type Placement =
  | { readonly kind: 'block'; readonly id: string; readonly index: number; readonly service?: string }
  | { readonly kind: 'new'; readonly reason?: { readonly index: number; readonly why: string } };

function isEmpty(block: BlockRef): boolean {
  const { statement } = block;
  const shape = blockShape(statement, block.chosenService);
  return (
    shape.limits.length === 0 &&
    shape.service === undefined &&
    (statement.action?.values.length ?? 0) === 0 &&
    (statement.notAction?.values.length ?? 0) === 0
  );
}

/**
 * The block that takes an action (or a pattern) of `service`. `rejects` (for a single action) says
 * why a block of the service must not take it (see whyNotMerge); that block is then passed over
 * and, when no other fits, the placement is a new block with the reason.
 */
export function placeAction(
  blocks: readonly BlockRef[],
  service: string,
  rejects?: (block: BlockRef) => string | undefined,
): Placement {
  const prefix = service.toLowerCase();
  let reason: { index: number; why: string } | undefined;
  for (const [index, block] of blocks.entries()) {
    if (isEmpty(block)) return { kind: 'block', id: block.id, index };
    const shape = blockShape(block.statement, block.chosenService);
    if (
      shape.limits.length === 0 &&
      shape.service === prefix &&
      block.statement.effect === 'Allow' &&
      block.statement.notAction === undefined
    ) {
      const why = rejects?.(block);
      if (why === undefined) return { kind: 'block', id: block.id, index, service: prefix };
      reason ??= { index, why };
    }
  }
  return reason ? { kind: 'new', reason } : { kind: 'new' };
}

/** The block that takes a service: the first empty one, or a new one. */
export function placeService(blocks: readonly BlockRef[]): Placement {
  for (const [index, block] of blocks.entries()) {
    if (isEmpty(block)) return { kind: 'block', id: block.id, index };
  }
  return { kind: 'new' };
}

/** True when the statement's Action list already names the entry or a pattern there covers it. */
export function alreadyListed(statement: StatementView, entry: string): boolean {
  const lower = entry.toLowerCase();
  return (statement.action?.values ?? []).some((v) => v.toLowerCase() === lower || matchesPattern(v, entry));
}
