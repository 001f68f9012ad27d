/** npm run bench: prints performance figures. Asserts nothing about time. */
import { coreBench } from './core';

await coreBench();
