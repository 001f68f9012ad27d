import { useEffect, useState } from 'react';
import type { ColorMode } from './theme';

const KEY = 'workbench.colorMode';

/** Follows the system's light or dark setting until the user picks one, and remembers the pick. */
export function useColorMode(): [ColorMode, (mode: ColorMode) => void] {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const [system, setSystem] = useState<ColorMode>(query?.matches ? 'dark' : 'light');
  const [chosen, setChosen] = useState<ColorMode | null>(() => {
    try {
      const v = localStorage.getItem(KEY);
      return v === 'light' || v === 'dark' ? v : null;
    } catch {
      return null;
    }
  });
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setSystem(e.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  const choose = (mode: ColorMode) => {
    setChosen(mode);
    try {
      localStorage.setItem(KEY, mode);
    } catch {
      // not remembered
    }
  };
  return [chosen ?? system, choose];
}
