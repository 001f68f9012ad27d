/**
 * The draft autosaves to localStorage, so a reload or a crash loses nothing: the text exactly as
 * typed (even when it does not parse), the last valid document, the policy kind and block notes.
 */
import type { JsonValue, PolicyKind } from '../policy/model';
import type { BlockMeta, PolicySetOrigin } from './policyReducer';

export const DRAFT_KEY = 'workbench.draft.v1';

export interface SavedDraft {
  readonly text: string;
  readonly document: JsonValue;
  readonly kind: PolicyKind;
  /** block notes by statement index */
  readonly meta: readonly (BlockMeta | null)[];
  /** the policy set the draft was opened from */
  readonly origin?: PolicySetOrigin;
  readonly savedAt: string;
}

const KINDS: readonly PolicyKind[] = ['managed', 'inline-user', 'inline-group', 'inline-role', 'trust'];

export function loadDraft(storage: Storage | undefined = globalThis.localStorage): SavedDraft | null {
  try {
    const raw = storage?.getItem(DRAFT_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<SavedDraft>;
    if (typeof value.text !== 'string' || value.document === undefined) return null;
    return {
      text: value.text,
      document: value.document,
      kind: KINDS.includes(value.kind as PolicyKind) ? (value.kind as PolicyKind) : 'managed',
      meta: Array.isArray(value.meta) ? value.meta : [],
      ...(isSetOrigin(value.origin) ? { origin: value.origin } : {}),
      savedAt: typeof value.savedAt === 'string' ? value.savedAt : '',
    };
  } catch {
    return null;
  }
}

function isSetOrigin(value: unknown): value is PolicySetOrigin {
  if (typeof value !== 'object' || value === null) return false;
  const origin = value as Partial<PolicySetOrigin>;
  return (
    origin.kind === 'policySet' &&
    typeof origin.name === 'string' &&
    Array.isArray(origin.parts) &&
    Array.isArray(origin.attachedTo) &&
    Array.isArray(origin.excluded)
  );
}

export function saveDraft(draft: SavedDraft, storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.removeItem(DRAFT_KEY);
    storage?.removeItem(SCENARIOS_KEY);
  } catch {
    // nothing to do
  }
}

/**
 * The Simulate panel's saved scenarios travel with the draft, under their own key beside it: the
 * draft autosaves on every edit without reading them back, and a draft saved before scenarios
 * existed simply has none. The value is opaque here (the simulate feature checks its shape).
 */
export const SCENARIOS_KEY = 'workbench.draft.v1.scenarios';

const scenarioListeners = new Set<() => void>();

export function loadScenarios(storage: Storage | undefined = globalThis.localStorage): JsonValue | null {
  try {
    const raw = storage?.getItem(SCENARIOS_KEY);
    return raw ? (JSON.parse(raw) as JsonValue) : null;
  } catch {
    return null;
  }
}

/** Saves the scenarios (null removes them) and tells the listeners of this page. */
export function saveScenarios(
  value: JsonValue | null,
  storage: Storage | undefined = globalThis.localStorage,
): boolean {
  let ok = true;
  try {
    if (value === null) storage?.removeItem(SCENARIOS_KEY);
    else storage?.setItem(SCENARIOS_KEY, JSON.stringify(value));
  } catch {
    ok = false;
  }
  for (const listener of scenarioListeners) listener();
  return ok;
}

/** Calls `listener` after each saveScenarios in this page. Returns the unsubscribe function. */
export function onScenariosSaved(listener: () => void): () => void {
  scenarioListeners.add(listener);
  return () => {
    scenarioListeners.delete(listener);
  };
}
