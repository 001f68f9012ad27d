/** npm run bench: prints performance figures. Asserts nothing about time. */
import { browserBench } from './browser';
import { coreBench } from './core';

await coreBench();
await browserBench();
