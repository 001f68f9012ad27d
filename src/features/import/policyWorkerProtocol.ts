/** Messages between the page and policyWorker.ts (compaction and splitting off the main thread). */
import type { CompactOptions, CompactResult } from '../../policy/compact';
import type { JsonValue } from '../../policy/model';
import type { SplitOptions, SplitResult } from '../../policy/split';

export type PolicyTask =
  | { readonly op: 'compact'; readonly document: JsonValue; readonly options: CompactOptions }
  | { readonly op: 'split'; readonly document: JsonValue; readonly options: SplitOptions };

export type PolicyTaskResult<T extends PolicyTask> = T['op'] extends 'compact' ? CompactResult : SplitResult;

export type PolicyWorkerRequest = PolicyTask & { readonly id: number };

export type PolicyWorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: CompactResult | SplitResult; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly error: string };
