/**
 * The page's side of policyWorker.ts: run a compaction or a split and get a promise. One worker,
 * created on first use and kept; where workers are unavailable, the task runs on the main thread
 * against the page's catalog.
 */
import type { CatalogView } from '../../catalog/catalog';
import type { CompactOptions, CompactResult } from '../../policy/compact';
import type { JsonValue } from '../../policy/model';
import type { SplitOptions, SplitResult } from '../../policy/split';
import PolicyWorker from './policyWorker?worker';
import type { PolicyTask, PolicyWorkerRequest, PolicyWorkerResponse } from './policyWorkerProtocol';
import { runPolicyTask } from './runPolicyTask';

type Pending = { resolve: (value: CompactResult | SplitResult) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker | undefined {
  if (worker || typeof Worker === 'undefined') return worker;
  worker = new PolicyWorker();
  worker.addEventListener('message', (event: MessageEvent<PolicyWorkerResponse>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new Error(message.error));
  });
  worker.addEventListener('error', (event) => {
    // A worker that fails to start: fail what is pending and fall back to the main thread.
    for (const entry of pending.values()) entry.reject(new Error(event.message || 'The worker failed.'));
    pending.clear();
    worker?.terminate();
    worker = undefined;
    workerBroken = true;
  });
  return worker;
}

let workerBroken = false;

function run(task: PolicyTask, fallback: CatalogView): Promise<CompactResult | SplitResult> {
  const target = workerBroken ? undefined : getWorker();
  if (!target) {
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(runPolicyTask(task, fallback));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, 0);
    });
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request: PolicyWorkerRequest = { ...task, id };
    target.postMessage(request);
  });
}

export function compactInBackground(document: JsonValue, options: CompactOptions, catalog: CatalogView): Promise<CompactResult> {
  return run({ op: 'compact', document, options }, catalog) as Promise<CompactResult>;
}

export function splitInBackground(document: JsonValue, options: SplitOptions, catalog: CatalogView): Promise<SplitResult> {
  return run({ op: 'split', document, options }, catalog) as Promise<SplitResult>;
}
