/**
 * A share link's draft (`#draft=…`), read once at startup (main.tsx, next to captureToken) and
 * removed from the address bar, so a reload or a bookmark does not open it again. The decoded
 * result waits here until SharedDraftOpener, inside the editor, decides what to do with it.
 */
import { DRAFT_PARAM, readDraftFromHash, type DraftDecodeResult } from '../export/formats/shareLink';
import { withoutHashParam } from './hashParams';

let pending: DraftDecodeResult | null = null;

export function captureSharedDraft(): DraftDecodeResult | null {
  const { hash, pathname, search } = window.location;
  const result = readDraftFromHash(hash);
  if (result === null) return null;
  pending = result;
  history.replaceState(history.state, '', pathname + search + withoutHashParam(hash, DRAFT_PARAM));
  return result;
}

/** The share link's draft (or why it could not be read), until it is handled. */
export function pendingSharedDraft(): DraftDecodeResult | null {
  return pending;
}

export function clearPendingSharedDraft(): void {
  pending = null;
}
