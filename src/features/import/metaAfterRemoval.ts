import type { BlockMeta } from '../../editor/policyReducer';

/**
 * Block notes for a document rewritten so that the statements at `removed` (old indexes) are gone
 * and the others keep their order, followed by `appended` new statements: the `meta` argument of
 * a 'replaceDocument' (an empty note for a block without one).
 */
export function metaAfterRemoval(
  metas: readonly (BlockMeta | undefined)[],
  removed: ReadonlySet<number>,
  appended = 0,
): BlockMeta[] {
  const kept = metas.filter((_, index) => !removed.has(index)).map((meta) => meta ?? {});
  return [...kept, ...Array.from({ length: appended }, () => ({}))];
}
