import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  DRAFT_KEY,
  loadDraft,
  loadScenarios,
  onScenariosSaved,
  saveDraft,
  saveScenarios,
  SCENARIOS_KEY,
} from './draftStorage';

/** An in-memory Storage. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const DRAFT = { text: '{}', document: {}, kind: 'managed' as const, meta: [], savedAt: '' };

describe('scenarios saved with the draft', () => {
  it('keeps scenarios beside the draft: saving the draft leaves them, clearing the draft removes them', () => {
    const storage = memoryStorage();
    expect(loadScenarios(storage)).toBeNull();
    saveDraft(DRAFT, storage);
    saveScenarios({ current: 0, scenarios: [] }, storage);
    saveDraft({ ...DRAFT, text: '{ }' }, storage);
    expect(loadScenarios(storage)).toStrictEqual({ current: 0, scenarios: [] });
    expect(loadDraft(storage)?.text).toBe('{ }');
    clearDraft(storage);
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
    expect(loadScenarios(storage)).toBeNull();
  });

  it('reads a draft saved before scenarios existed, and treats damaged scenarios as none', () => {
    const storage = memoryStorage();
    storage.setItem(DRAFT_KEY, JSON.stringify({ text: '{}', document: {}, kind: 'trust', meta: [] }));
    expect(loadDraft(storage)?.kind).toBe('trust');
    expect(loadScenarios(storage)).toBeNull();
    storage.setItem(SCENARIOS_KEY, '{not json');
    expect(loadScenarios(storage)).toBeNull();
  });

  it('tells listeners after each save, and removes on null', () => {
    const storage = memoryStorage();
    let calls = 0;
    const stop = onScenariosSaved(() => calls++);
    saveScenarios([1], storage);
    saveScenarios(null, storage);
    expect(storage.getItem(SCENARIOS_KEY)).toBeNull();
    stop();
    saveScenarios([2], storage);
    expect(calls).toBe(2);
  });
});
