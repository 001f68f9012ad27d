import { useRef } from 'react';
import { getMember, jsonEqual } from '../../policy/json';
import type { JsonValue, StatementView } from '../../policy/model';

/**
 * A `memo` comparator for a block's parts: the props are equal when every prop but `statement` is
 * the same and the statement's members the part reads (`members`) are equal by content. A JSON edit
 * parses a new statement object, so identity alone would re-render every part of the edited block;
 * this way typing in a Sid leaves the action picker alone, and editing a Resource leaves the actions.
 *
 * A part memoized with it must read nothing of its statement but these members (and the views of
 * them: `action` for "Action", `conditions` for "Condition"…), its index and pointer.
 */
export function sameStatementMembers<P extends { readonly statement: StatementView }>(
  members: readonly string[],
): (previous: Readonly<P>, next: Readonly<P>) => boolean {
  return (previous, next) => {
    for (const key of Object.keys(next) as (keyof P)[]) {
      if (key !== 'statement' && !Object.is(previous[key], next[key])) return false;
    }
    if (Object.keys(previous).length !== Object.keys(next).length) return false;
    return sameMembers(previous.statement, next.statement, members);
  };
}

function sameMembers(a: StatementView, b: StatementView, members: readonly string[]): boolean {
  if (a === b) return true;
  if (a.index !== b.index || a.pointer !== b.pointer) return false;
  return members.every((member) => jsonEqual(getMember(a.raw, member), getMember(b.raw, member)));
}

/** What a block's actions depend on. */
export const ACTION_MEMBERS = ['Action', 'NotAction', 'Effect'] as const;
/** What a block's resources depend on: its actions (resource types) and its resources. */
export const RESOURCE_MEMBERS = ['Action', 'NotAction', 'Effect', 'Resource', 'NotResource'] as const;
/** What a block's conditions depend on: its actions (condition keys), resources and conditions. */
export const CONDITION_MEMBERS = ['Action', 'NotAction', 'Effect', 'Resource', 'NotResource', 'Condition'] as const;

/** `value`, or the one of an earlier render while `same` says they are equal. */
function useKeptWhile<T>(value: T, same: (kept: T, value: T) => boolean): T {
  const kept = useRef(value);
  if (kept.current !== value && !same(kept.current, value)) kept.current = value;
  return kept.current;
}

/**
 * The statement, or the one of an earlier render while `members` are equal by content: for work
 * keyed by a statement (a summary of its actions) that a Sid edit should not redo.
 */
export function useStableStatement(statement: StatementView, members: readonly string[]): StatementView {
  return useKeptWhile(statement, (kept, next) => sameMembers(kept, next, members));
}

/** `value`, or an earlier render's while equal by content (for derived objects passed to memoized parts). */
export function useSameContent<T extends object>(value: T): T {
  return useKeptWhile(value, (kept, next) => jsonEqual(kept as JsonValue, next as JsonValue));
}
