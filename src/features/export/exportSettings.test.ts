import { describe, expect, it, vi } from 'vitest';
import { createExportSettingsStore, DEFAULT_EXPORT_SETTINGS, EXPORT_SETTINGS_KEY, parseExportSettings } from './exportSettings';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('export settings', () => {
  it('reads what it can and defaults the rest', () => {
    expect(parseExportSettings(null)).toEqual(DEFAULT_EXPORT_SETTINGS);
    expect(parseExportSettings('not json')).toEqual(DEFAULT_EXPORT_SETTINGS);
    expect(parseExportSettings('{"name":"Ecs","path":3,"targets":{"roles":["a",1]}}')).toEqual({
      ...DEFAULT_EXPORT_SETTINGS,
      name: 'Ecs',
      targets: { users: [], groups: [], roles: ['a'] },
    });
  });

  it('saves updates and tells its listeners', () => {
    const storage = memoryStorage({ [EXPORT_SETTINGS_KEY]: '{"description":"old"}' });
    const store = createExportSettingsStore(storage);
    expect(store.get().description).toBe('old');
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.update({ name: 'EcsReadOnly' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(parseExportSettings(storage.getItem(EXPORT_SETTINGS_KEY))).toMatchObject({ name: 'EcsReadOnly', description: 'old' });
    stop();
    store.update({ name: null });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get().name).toBeNull();
  });
});
