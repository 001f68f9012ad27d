/** The conformance suite: every scenario in scenarios/ evaluated as written, plus its bookkeeping. */
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { SCENARIOS } from './scenarios';
import { DOCS } from './scenarios/helpers';

describe('conformance scenarios', () => {
  it('holds at least 300 scenarios with unique ids, each citing a documentation page and a rule', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    const pages = new Set<string>(Object.values(DOCS));
    for (const s of SCENARIOS) {
      expect(pages.has(s.doc), s.id).toBe(true);
      expect(s.rule.length, s.id).toBeGreaterThan(10);
    }
  });

  it('covers every decision', () => {
    const decisions = new Set(SCENARIOS.map((s) => s.expect));
    expect([...decisions].sort()).toEqual(['allowed', 'explicit-deny', 'implicit-deny']);
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    const result = evaluate(scenario.input);
    expect(result.decision, `${scenario.rule}\n${JSON.stringify(result.reasons, null, 1)}`).toBe(
      scenario.expect,
    );
    if (scenario.matched !== undefined) {
      expect(result.matched.map((m) => `${m.policy}#${m.index}`)).toEqual(scenario.matched);
    }
  });
});
