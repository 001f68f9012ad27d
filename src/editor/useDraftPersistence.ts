/**
 * Keeps the draft in localStorage: saved once changes pause for SAVE_AFTER_MS (not on every key of
 * a burst of typing: writing a big draft is a long task), and at once when the page is
 * hidden or closed (so an immediate reload loses nothing). Tabs editing the same draft see each
 * other through the storage event: when another tab saves a different draft, this tab stops
 * saving and asks the user which one to keep, so nothing is overwritten silently.
 */
import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import { DRAFT_KEY, loadDraft, saveDraft, type SavedDraft } from './draftStorage';
import type { EditorState, PolicyAction } from './policyReducer';

export interface DraftConflict {
  /** the draft another tab saved */
  readonly other: SavedDraft;
}

export interface DraftSync {
  readonly conflict: DraftConflict | null;
  /** the current draft is saved in this browser */
  readonly saved: boolean;
  /** replaces this tab's draft by the other tab's (one undo step) */
  readonly takeOther: () => void;
  /** saves this tab's draft over the other one */
  readonly keepMine: () => void;
}

/** how long changes must pause before the draft is written */
const SAVE_AFTER_MS = 600;

export function draftOf(state: EditorState): SavedDraft {
  return {
    text: state.text,
    document: state.document,
    kind: state.kind,
    meta: state.ids.map((id) => state.meta[id] ?? null),
    ...(state.origin ? { origin: state.origin } : {}),
    savedAt: new Date().toISOString(),
  };
}

export function useDraftPersistence(state: EditorState, dispatch: Dispatch<PolicyAction>): DraftSync {
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const [savedState, setSavedState] = useState<EditorState | null>(null);
  const latest = useRef(state);
  const saved = useRef<EditorState | null>(null);
  const paused = useRef(false);
  paused.current = conflict !== null;

  const save = useCallback((current: EditorState) => {
    if (paused.current || saved.current === current) return;
    saved.current = current;
    if (saveDraft(draftOf(current))) setSavedState(current);
  }, []);

  useEffect(() => {
    latest.current = state;
    const handle = window.setTimeout(() => save(state), SAVE_AFTER_MS);
    return () => window.clearTimeout(handle);
  }, [state, save]);

  useEffect(() => {
    const flush = () => save(latest.current);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key !== DRAFT_KEY || event.newValue === null) return;
      const other = loadDraft();
      if (!other || (other.text === latest.current.text && other.kind === latest.current.kind)) return;
      setConflict({ other });
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('storage', onStorage);
    };
  }, [save]);

  const takeOther = useCallback(() => {
    if (!conflict) return;
    const { other } = conflict;
    dispatch({ type: 'loadText', text: other.text, kind: other.kind, label: 'Take the draft from the other tab' });
    paused.current = false;
    setConflict(null);
  }, [conflict, dispatch]);

  const keepMine = useCallback(() => {
    paused.current = false;
    setConflict(null);
    saved.current = null;
    save(latest.current);
  }, [save]);

  return { conflict, saved: savedState === state, takeOther, keepMine };
}
