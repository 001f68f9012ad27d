/**
 * npm run bench: prints performance figures. Asserts nothing about time.
 *
 * One bench alone: `npx tsx bench/run.ts --only browser` (or BENCH_ONLY=browser; several names
 * separated by commas). The browser bench serves the built app from dist/, or from WORKBENCH_DIST.
 */
import { browserBench } from './browser';
import { compactionBench } from './compaction';
import { coreBench } from './core';
import { diffBench } from './diff';
import { evaluateBench } from './evaluate';
import { validateBench } from './validate';

/**
 * Each figure's bench module, in the order printed. Core figures (Node) first, the browser last.
 * A module exports one async function that prints its figures.
 */
const benches: readonly (readonly [string, () => Promise<void>])[] = [
  ['core', coreBench],
  ['compaction', compactionBench],
  ['evaluate', evaluateBench],
  ['diff', diffBench],
  ['validate', validateBench],
  ['browser', browserBench],
];

function onlyNames(): readonly string[] | undefined {
  const at = process.argv.indexOf('--only');
  const raw = at >= 0 ? process.argv[at + 1] : process.env.BENCH_ONLY;
  if (!raw) return undefined;
  const names = raw.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !benches.some(([name]) => name === n));
  if (unknown.length > 0) {
    console.error(`unknown bench ${unknown.join(', ')}; choose from ${benches.map(([n]) => n).join(', ')}`);
    process.exit(2);
  }
  return names;
}

const only = onlyNames();
for (const [name, bench] of benches) if (!only || only.includes(name)) await bench();
