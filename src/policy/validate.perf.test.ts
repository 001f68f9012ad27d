/**
 * Prints parse + validate times for a policy of about 6 KB and for the largest AWS managed
 * policy (no assertion on the times: they depend on the machine). Budgets: 2 ms and 50 ms.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../catalog/node';
import { parse } from './parse';
import { validate } from './validate';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('validate performance', () => {
  it('prints parse + validate times', async () => {
    const loader = await loadCatalogFromDisk();
    const catalog = loader.view;
    const entries = await loader.managedPolicies();
    const largest = [...entries].sort((a, b) => b.size - a.size)[0];
    const sixKb = [...entries].filter((entry) => entry.size <= 6144).sort((a, b) => b.size - a.size)[0];
    const lines: string[] = [];
    for (const entry of [sixKb, largest]) {
      if (!entry) continue;
      const text = JSON.stringify((await loader.managedPolicy(entry.name))?.document, null, 2);
      const once = (): number => {
        const start = performance.now();
        const result = parse(text);
        if (result.model) validate(result.model, catalog, { kind: 'managed', sizeChars: entry.size });
        return performance.now() - start;
      };
      const cold = once();
      for (let i = 0; i < 20; i++) once(); // let the JIT settle
      const warm: number[] = [];
      for (let i = 0; i < 50; i++) warm.push(once());
      lines.push(
        `${entry.name}: ${entry.size} characters (${text.length} with indentation): first run ${cold.toFixed(2)} ms (builds the catalog lookups), warm median ${median(warm).toFixed(2)} ms`,
      );
    }
    console.info(`parse + validate\n  ${lines.join('\n  ')}`);
    expect(lines.length).toBe(2);
  }, 60_000);
});
