/**
 * Validates every current AWS managed policy against the real catalog. AWS's own policies are
 * valid IAM, so every error finding here is either a gap between the policy and the IAM data
 * (a retired or unlisted service or action, an ARN that matches no documented format) or a
 * validator bug. The known ones are listed, with the reason, in
 * fixtures/managed-known-findings.json; the test fails on any difference, so a new false positive
 * (or a fixed data gap) stands out.
 *
 * To rewrite the fixture after an investigated change: UPDATE_MANAGED_FINDINGS=1 npx vitest run
 * src/policy/validate.managed (existing reasons are kept; new entries get "TODO").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import type { ManagedPolicyEntry } from '../catalog/types';
import { loadCatalogFromDisk } from '../catalog/node';
import type { Finding } from './model';
import { parse } from './parse';
import { validate } from './validate';

interface KnownFinding {
  readonly code: string;
  readonly pointer: string;
  readonly reason: string;
}
type KnownFindings = Record<string, KnownFinding[]>;

const FIXTURE = new URL('./fixtures/managed-known-findings.json', import.meta.url);

let catalog: CatalogView;
const results = new Map<string, Finding[]>();
let policies: readonly ManagedPolicyEntry[] = [];

beforeAll(async () => {
  const loader = await loadCatalogFromDisk();
  catalog = loader.view;
  policies = await loader.managedPolicies();
  for (const entry of policies) {
    const file = await loader.managedPolicy(entry.name);
    const result = parse(JSON.stringify(file?.document, null, 2));
    expect(result.findings, entry.name).toEqual([]);
    if (!result.model) throw new Error(`${entry.name} did not parse`);
    results.set(entry.name, validate(result.model, catalog, { kind: 'managed' }));
  }
}, 120_000);

describe('AWS managed policies', () => {
  it('covers every current managed policy', () => {
    expect(policies.length).toBeGreaterThan(1000);
    expect(results.size).toBe(policies.length);
  });

  it('produce exactly the known error findings', () => {
    const known = JSON.parse(readFileSync(FIXTURE, 'utf8')) as KnownFindings;
    const actual: Record<string, { code: string; pointer: string }[]> = {};
    for (const [name, findings] of results) {
      const errors = findings
        .filter((finding) => finding.severity === 'error')
        .map(({ code, pointer }) => ({ code, pointer }));
      if (errors.length > 0) actual[name] = errors;
    }
    if (process.env.UPDATE_MANAGED_FINDINGS) {
      const updated: KnownFindings = {};
      for (const name of Object.keys(actual).sort()) {
        updated[name] = (actual[name] ?? []).map(({ code, pointer }) => ({
          code,
          pointer,
          reason:
            known[name]?.find((entry) => entry.code === code && entry.pointer === pointer)?.reason ?? 'TODO',
        }));
      }
      writeFileSync(FIXTURE, `${JSON.stringify(updated, null, 2)}\n`);
      return;
    }
    const text = (findings: Record<string, { code: string; pointer: string }[]>): string[] =>
      Object.entries(findings)
        .flatMap(([name, list]) => list.map(({ code, pointer }) => `${name} ${code} ${pointer}`))
        .sort();
    expect(text(actual)).toEqual(text(known));
    for (const list of Object.values(known))
      for (const entry of list) expect(entry.reason).not.toMatch(/^TODO/);
  });

  it('count retired services and actions missing from the IAM data', () => {
    const count = (predicate: (finding: Finding) => boolean): number =>
      [...results.values()].reduce((sum, findings) => sum + findings.filter(predicate).length, 0);
    const retired = count((finding) => finding.code === 'retired-service');
    const unknownService = count((finding) => finding.code === 'invalid-service');
    const noMatch = count(
      (finding) => finding.code === 'invalid-action' || finding.code === 'wildcard-matches-nothing',
    );
    console.info(
      `managed policies: ${retired} retired-service findings, ${unknownService} unknown-service findings, ${noMatch} actions matching nothing`,
    );
    expect(retired).toBeGreaterThan(0);
    // IAM accepts retired services' actions, so they are warnings, never errors.
    const readOnly = results.get('ReadOnlyAccess') ?? [];
    expect(readOnly.filter((finding) => finding.code === 'retired-service').length).toBeGreaterThan(10);
    expect(readOnly.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
