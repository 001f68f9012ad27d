/**
 * Compaction figures in Node: ReadOnlyAccess compacted (characters as IAM counts them, time) in
 * each mode, beside iam-shrink's published figures, and the parts needed at 6,144 characters.
 * Prints figures; asserts nothing about time.
 */
import { loadCatalogFromDisk } from '../src/catalog/node';
import { compactPolicy } from '../src/policy/compact';
import type { CompactOptions } from '../src/policy/compact';
import type { JsonValue } from '../src/policy/model';
import { SIZE_QUOTAS } from '../src/policy/model';
import { packPolicySet } from '../src/policy/policySet';
import { splitPolicy } from '../src/policy/split';
import { ms, summarizeTimes } from './stats';

/** iam-shrink's figures for ReadOnlyAccess (characters), as published. */
const IAM_SHRINK = { aggressive: 45_506, default: 52_682 };

function count(n: number): string {
  return n.toLocaleString('en-US');
}

export async function compactionBench(): Promise<void> {
  console.log('\n== Compaction (ReadOnlyAccess, exact by expansion against the catalog)');
  const loader = await loadCatalogFromDisk();
  const catalog = loader.view;
  const document = (await loader.managedPolicy('ReadOnlyAccess'))?.document as JsonValue | undefined;
  if (document === undefined) {
    console.log('ReadOnlyAccess is not in the catalog');
    return;
  }
  const modes: [string, CompactOptions][] = [
    ['default (wildcards anywhere)', {}],
    ['level-safe', { levelSafe: true }],
    ['wildcards between words', { wildcards: 'words' }],
    ['between words, level-safe', { wildcards: 'words', levelSafe: true }],
  ];
  let first = true;
  for (const [label, options] of modes) {
    const t0 = performance.now();
    const cold = compactPolicy(document, catalog, options);
    const coldTime = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      compactPolicy(document, catalog, options);
      times.push(performance.now() - start);
    }
    const warm = summarizeTimes(times);
    if (first) console.log(`ReadOnlyAccess: ${count(cold.before)} characters`);
    first = false;
    const unsafe = cold.wildcards.filter((note) => !note.levelSafe).length;
    console.log(
      `${label}: ${count(cold.after)} characters (${((100 * cold.after) / cold.before).toFixed(1)}%), ` +
        `${count(cold.wildcards.length)} wildcards written (${unsafe} spanning access levels), ` +
        `first run ${ms(coldTime)}, then median ${ms(warm.median)}`,
    );
  }
  console.log(
    `iam-shrink (published): ${count(IAM_SHRINK.aggressive)} at its most aggressive, ${count(IAM_SHRINK.default)} by default`,
  );

  const quota = SIZE_QUOTAS.managed;
  for (const [label, options] of [modes[0], modes[1]] as [string, CompactOptions][]) {
    const t0 = performance.now();
    const set = packPolicySet(document, catalog, { quota, stem: 'ReadOnly', compact: options });
    const time = performance.now() - t0;
    if (set.ok) {
      console.log(
        `parts at ${count(quota)} (${label}): ${set.parts.length} (lower bound ${set.lowerBound}), sizes ${set.parts.map((p) => count(p.size)).join(', ')}, ${ms(time)} with the proof`,
      );
    } else {
      console.log(`parts at ${count(quota)} (${label}): refused, ${set.message}`);
    }
  }
  const split = splitPolicy(document, catalog, { quota, compact: true });
  console.log(`split.ts at ${count(quota)} (compact first): ${split.ok ? split.documents.length : 'refused'} parts`);
}
