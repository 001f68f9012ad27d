/**
 * Core figures in Node: the catalog's size, search latency, parse + validate time.
 * Prints figures; asserts nothing about time.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createSearchIndex } from '../src/catalog/search';
import { parse } from '../src/policy/parse';
import { serializeDocument } from '../src/policy/serialize';
import { policySize } from '../src/policy/size';
import { validate } from '../src/policy/validate';
import { DEFAULT_CATALOG_DIR, loadCatalogFromDisk } from '../src/catalog/node';
import { kb, ms, rng, summarizeTimes } from './stats';

function timeIt(fn: () => void, runs: number): { median: number; p95: number; mean: number } {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return summarizeTimes(times);
}

export async function coreBench(): Promise<void> {
  console.log('== Catalog');
  const indexPath = path.join(DEFAULT_CATALOG_DIR, 'index.json');
  const indexRaw = readFileSync(indexPath);
  const globals = readFileSync(path.join(DEFAULT_CATALOG_DIR, 'global-condition-keys.json'));
  console.log(`search index (index.json): ${kb(indexRaw.length)} raw, ${kb(gzipSync(indexRaw, { level: 9 }).length)} gzip (target <= 120 KB gzip)`);
  console.log(`global condition keys: ${kb(globals.length)} raw, ${kb(gzipSync(globals, { level: 9 }).length)} gzip`);
  const meta = JSON.parse(readFileSync(path.join(DEFAULT_CATALOG_DIR, 'meta.json'), 'utf8')) as Record<string, unknown>;
  console.log(`data date ${String(meta.dataDate)}; counts ${JSON.stringify(meta.counts)}`);
  const loader = await loadCatalogFromDisk();
  const view = loader.view;
  console.log(`loaded: ${view.services.length} services, ${view.allActions.length} actions`);
  console.log(`service detail files: ${statSync(path.join(DEFAULT_CATALOG_DIR, 'services')).isDirectory() ? view.services.length : 0}`);

  console.log('\n== Search (Node, all actions)');
  const t0 = performance.now();
  const index = createSearchIndex(view);
  console.log(`build search index: ${ms(performance.now() - t0)}`);
  const random = rng(42);
  const queries: string[] = [];
  const actions = view.allActions;
  for (let i = 0; i < 1000; i++) {
    const a = actions[Math.floor(random() * actions.length)];
    if (!a) continue;
    const kind = i % 5;
    if (kind === 0) queries.push(a.name);
    else if (kind === 1) queries.push(a.name.slice(0, 3 + Math.floor(random() * 5)).toLowerCase());
    else if (kind === 2) queries.push(`${a.service}:${a.name.slice(0, 3)}*`);
    else if (kind === 3) queries.push(a.service);
    else queries.push(a.name.replace(/[aeiou]/g, '').slice(0, 6).toLowerCase());
  }
  const times: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    index.search(q);
    times.push(performance.now() - start);
  }
  const s = summarizeTimes(times);
  console.log(`1,000 queries: median ${ms(s.median)}, p95 ${ms(s.p95)}, mean ${ms(s.mean)} (target median <= 1 ms)`);
  const top = index.search('GetObject').hits[0];
  console.log(`"GetObject" ranks first: ${top?.kind === 'action' ? `${top.service}:${top.action}` : JSON.stringify(top)}`);

  console.log('\n== Parse + validate');
  const managed = await loader.managedPolicies();
  const largest = [...managed].sort((a, b) => b.size - a.size)[0];
  const near6k = [...managed].sort((a, b) => Math.abs(a.size - 6000) - Math.abs(b.size - 6000))[0];
  for (const entry of [near6k, largest]) {
    if (!entry) continue;
    const file = await loader.managedPolicy(entry.name);
    if (!file) continue;
    const text = serializeDocument(file.document as never, { format: 'pretty' });
    const run = () => {
      const result = parse(text);
      if (result.model) validate(result.model, view, { kind: 'managed', sizeChars: policySize(text) });
    };
    const r = timeIt(run, entry.size > 50_000 ? 30 : 300);
    console.log(
      `${entry.name}: ${kb(text.length)} text, ${entry.size.toLocaleString('en-US')} chars as IAM counts: median ${ms(r.median)}, p95 ${ms(r.p95)}`,
    );
  }
}
