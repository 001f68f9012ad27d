/**
 * The scenarios, saved beside the draft (editor/draftStorage) on every change, and read again when
 * something else saves them (a share link opened, another tab).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadScenarios, onScenariosSaved, saveScenarios, SCENARIOS_KEY } from '../../editor/draftStorage';
import type { PolicyKind } from '../../policy/model';
import { readBook, writeBook, type ScenarioBook } from './scenario';

export function useScenarioBook(kind: PolicyKind): readonly [ScenarioBook, (next: ScenarioBook) => void] {
  const [book, setBookState] = useState(() => readBook(loadScenarios(), kind));
  const writing = useRef(false);
  const kindRef = useRef(kind);
  useEffect(() => {
    kindRef.current = kind;
  }, [kind]);

  useEffect(() => {
    const reload = () => {
      if (!writing.current) setBookState(readBook(loadScenarios(), kindRef.current));
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key === SCENARIOS_KEY) reload();
    };
    const stop = onScenariosSaved(reload);
    window.addEventListener('storage', onStorage);
    return () => {
      stop();
      window.removeEventListener('storage', onStorage);
    };
  }, []);

  const setBook = useCallback((next: ScenarioBook) => {
    setBookState(next);
    writing.current = true;
    try {
      saveScenarios(writeBook(next));
    } finally {
      writing.current = false;
    }
  }, []);

  return [book, setBook] as const;
}
