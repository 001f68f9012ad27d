/** npm run bench: prints performance figures. Asserts nothing about time. */
import { browserBench } from './browser';
import { coreBench } from './core';

/**
 * Each figure's bench module, in the order printed. Core figures (Node) first, the browser last.
 * A module exports one async function that prints its figures.
 */
const benches: readonly (() => Promise<void>)[] = [coreBench, browserBench];

for (const bench of benches) await bench();
