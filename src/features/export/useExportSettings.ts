import { useSyncExternalStore } from 'react';
import { exportSettingsStore, type ExportSettings } from './exportSettings';

/** The export settings and a function to change some of them. */
export function useExportSettings(): [ExportSettings, (patch: Partial<ExportSettings>) => void] {
  const settings = useSyncExternalStore(exportSettingsStore.subscribe, exportSettingsStore.get);
  return [settings, exportSettingsStore.update];
}
