/**
 * Which policy in the account the draft was opened from ("Open from account" records it in each
 * block's meta), so "Save as new version" knows where to save.
 */
import type { BlockMeta, EditorState } from '../../editor/policyReducer';

export type PolicySource = NonNullable<BlockMeta['source']> & { readonly policyArn: string };

/** The first block's source that names a policy ARN. */
export function findSource(state: Pick<EditorState, 'ids' | 'meta'>): PolicySource | undefined {
  const source = sourceMetaOf(state);
  return source?.policyArn ? { ...source, policyArn: source.policyArn } : undefined;
}

/** The first block's source that names a policy in the account, as the block's meta holds it. */
export function sourceMetaOf(state: Pick<EditorState, 'ids' | 'meta'>): BlockMeta['source'] {
  for (const id of state.ids) {
    const source = state.meta[id]?.source;
    if (source?.policyArn) return source;
  }
  return undefined;
}

/** Block meta for every statement of a document opened from the account. */
export function openedMeta(count: number, source: PolicySource): BlockMeta[] {
  return Array.from({ length: count }, () => ({ source }));
}

/** Ids of the blocks that came from `policyArn` (to record the new version on them). */
export function blocksFrom(state: Pick<EditorState, 'ids' | 'meta'>, policyArn: string): string[] {
  return state.ids.filter((id) => state.meta[id]?.source?.policyArn === policyArn);
}

/** The oldest version that is not the default (versions newest first, as the API lists them). */
export function oldestNonDefault<
  T extends { readonly versionId: string; readonly isDefaultVersion: boolean },
>(versions: readonly T[]): T | undefined {
  const number = (v: T) => Number(/^v(\d+)/.exec(v.versionId)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return [...versions].filter((v) => !v.isDefaultVersion).sort((a, b) => number(a) - number(b))[0];
}
