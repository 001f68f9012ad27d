/** npm run bench: prints performance figures. Asserts nothing about time. */
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
const benches: readonly (() => Promise<void>)[] = [coreBench, compactionBench, evaluateBench, diffBench, validateBench, browserBench];

for (const bench of benches) await bench();
