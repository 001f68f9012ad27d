/**
 * What the export dialog asks for besides the policy (name, description, path, attachment
 * targets), kept in localStorage next to the draft so a reload keeps it. A name of null means
 * "use the suggested name".
 */
import type { ExportTargets } from './formats/types';

export const EXPORT_SETTINGS_KEY = 'workbench.export.v1';

export interface ExportSettings {
  /** null: use the name suggested from the policy */
  readonly name: string | null;
  readonly description: string;
  readonly path: string;
  readonly targets: ExportTargets;
}

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  name: null,
  description: '',
  path: '',
  targets: { users: [], groups: [], roles: [] },
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Settings from stored JSON; anything missing or of the wrong type takes its default. */
export function parseExportSettings(raw: string | null): ExportSettings {
  if (!raw) return DEFAULT_EXPORT_SETTINGS;
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return DEFAULT_EXPORT_SETTINGS;
    const v = value as Record<string, unknown>;
    const targets = typeof v.targets === 'object' && v.targets !== null ? (v.targets as Record<string, unknown>) : {};
    return {
      name: typeof v.name === 'string' ? v.name : null,
      description: typeof v.description === 'string' ? v.description : '',
      path: typeof v.path === 'string' ? v.path : '',
      targets: { users: strings(targets.users), groups: strings(targets.groups), roles: strings(targets.roles) },
    };
  } catch {
    return DEFAULT_EXPORT_SETTINGS;
  }
}

export interface ExportSettingsStore {
  get(): ExportSettings;
  update(patch: Partial<ExportSettings>): void;
  subscribe(listener: () => void): () => void;
}

export function createExportSettingsStore(storage: Storage | undefined): ExportSettingsStore {
  let current: ExportSettings | null = null;
  const listeners = new Set<() => void>();
  const read = (): ExportSettings => {
    if (current) return current;
    let raw: string | null = null;
    try {
      raw = storage?.getItem(EXPORT_SETTINGS_KEY) ?? null;
    } catch {
      // storage disabled: defaults
    }
    current = parseExportSettings(raw);
    return current;
  };
  return {
    get: read,
    update(patch) {
      current = { ...read(), ...patch };
      try {
        storage?.setItem(EXPORT_SETTINGS_KEY, JSON.stringify(current));
      } catch {
        // storage full or disabled: keep it in memory
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The app's one store. */
export const exportSettingsStore: ExportSettingsStore = createExportSettingsStore(browserStorage());
