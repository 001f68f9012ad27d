/** Runs one compaction or split against a catalog view: the same code in the worker and in the page. */
import type { CatalogView } from '../../catalog/catalog';
import { compactPolicy } from '../../policy/compact';
import type { CompactResult } from '../../policy/compact';
import { splitPolicy } from '../../policy/split';
import type { SplitResult } from '../../policy/split';
import type { PolicyTask } from './policyWorkerProtocol';

export function runPolicyTask(task: PolicyTask, catalog: CatalogView): CompactResult | SplitResult {
  return task.op === 'compact'
    ? compactPolicy(task.document, catalog, task.options)
    : splitPolicy(task.document, catalog, task.options);
}
