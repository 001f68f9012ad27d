import { useEffect, useState } from 'react';
import { accessDiff, type AccessDiff } from '../../policy/accessDiff';
import type { JsonValue } from '../../policy/model';
import { useCatalog } from '../../editor/useCatalog';

/**
 * The access diff of two documents (over the catalog's index of actions), worked out after the
 * dialog has painted: it can take a few hundred milliseconds for the largest policies. undefined
 * while pending or when either side is missing.
 */
export function useAccessDiff(before: JsonValue | undefined, after: JsonValue | undefined): AccessDiff | undefined {
  const { view } = useCatalog();
  const [result, setResult] = useState<{ before: unknown; after: unknown; diff: AccessDiff } | undefined>();
  useEffect(() => {
    if (before === undefined || after === undefined) return;
    const handle = window.setTimeout(() => setResult({ before, after, diff: accessDiff(before, after, view) }), 0);
    return () => window.clearTimeout(handle);
  }, [before, after, view]);
  return result && result.before === before && result.after === after ? result.diff : undefined;
}
