/**
 * Validator worst cases: the adversarial set (src/policy/validate/adversarial.ts: nested `*?` in
 * actions, resources and condition values, huge strings, thousands of statements, iam:PassRole
 * with huge resource patterns, thousands of wildcard NotAction items, ...), each document at most
 * 100 KB. Prints, per case, the first validation (which builds the catalog lookups it needs) and
 * the median of later ones, then the worst of each. The budget is 50 ms for any document.
 */
import { loadCatalogFromDisk } from '../src/catalog/node';
import { parseValue } from '../src/policy/parse';
import { validate } from '../src/policy/validate';
import { ADVERSARIAL_MAX_CHARS, adversarialCases } from '../src/policy/validate/adversarial';
import { ms, summarizeTimes } from './stats';

export async function validateBench(): Promise<void> {
  const loader = await loadCatalogFromDisk();
  await loader.loadAllServices();
  const catalog = loader.view;
  // Build the per-catalog lookups once, as the app does on its first validation.
  validate(
    parseValue({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    catalog,
    {
      kind: 'managed',
    },
  );
  console.log('\nValidator, adversarial documents (≤ 100 KB each; budget 50 ms)');
  let worstFirst = { time: 0, name: '' };
  let worstMedian = { time: 0, name: '' };
  for (const testCase of adversarialCases()) {
    const size = JSON.stringify(testCase.document).length;
    if (size > ADVERSARIAL_MAX_CHARS) throw new Error(`${testCase.name}: ${size} characters`);
    const model = parseValue(testCase.document);
    let start = performance.now();
    const findings = validate(model, catalog, { kind: 'managed' });
    const first = performance.now() - start;
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const cpu = process.cpuUsage();
      start = performance.now();
      validate(model, catalog, { kind: 'managed' });
      times.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    const { median } = summarizeTimes(times);
    const cpuMedian = summarizeTimes(cpuTimes).median;
    if (first > worstFirst.time) worstFirst = { time: first, name: testCase.name };
    if (median > worstMedian.time) worstMedian = { time: median, name: testCase.name };
    console.log(
      `  ${testCase.name.padEnd(66)} ${(size / 1000).toFixed(0).padStart(3)} KB  first ${ms(first).padStart(9)}  median ${ms(median).padStart(9)} (CPU ${ms(cpuMedian)})  ${findings.length} findings`,
    );
  }
  console.log(`  worst first run: ${ms(worstFirst.time)} (${worstFirst.name})`);
  console.log(`  worst median:    ${ms(worstMedian.time)} (${worstMedian.name})`);
  const load = (await import('node:os')).loadavg()[0] ?? 0;
  console.log(
    `  (load average while measuring: ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`,
  );
}
