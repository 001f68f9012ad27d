import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { loadCatalogFromDisk } from '../catalog/node';
import { checkConditionValue as formCheck } from '../features/conditions/conditionValues';
import { operatorsForType as formOperators, valueKindOf } from '../features/conditions/conditionOperators';
import {
  ACCEPTED_FAMILIES,
  acceptsFamily,
  checkConditionValue,
  familyOf,
  isIsoDate,
  operatorsForType,
  splitOperator,
} from './conditions';
import type { ConditionKeyType } from '../catalog/types';
import { parseValue } from './parse';
import { validate } from './validate';

let catalog: CatalogView;
beforeAll(async () => {
  catalog = (await loadCatalogFromDisk()).view;
});

/** [operator, key, value, fine?] */
const TABLE: readonly (readonly [string, string, string, boolean])[] = [
  ['DateGreaterThan', 'aws:CurrentTime', '2025', true],
  ['DateGreaterThan', 'aws:CurrentTime', '2025-12', true],
  ['DateGreaterThan', 'aws:CurrentTime', '2025-12-31', true],
  ['DateGreaterThan', 'aws:CurrentTime', '2025-12-31T23:59Z', true],
  ['DateGreaterThan', 'aws:CurrentTime', '2025-12-31T23:59:59Z', true],
  ['DateGreaterThan', 'aws:CurrentTime', '2025-12-31T23:59:59.123-05:00', true],
  ['DateGreaterThan', 'aws:CurrentTime', '2024-02-29', true],
  ['DateGreaterThan', 'aws:CurrentTime', '1735689600', true],
  ['DateGreaterThan', 'aws:CurrentTime', '1735689600000', false],
  ['DateGreaterThan', 'aws:CurrentTime', '2024-02-30', false],
  ['DateGreaterThan', 'aws:CurrentTime', '2023-02-29', false],
  ['DateGreaterThan', 'aws:CurrentTime', '2024-13-01', false],
  ['DateGreaterThan', 'aws:CurrentTime', '2024-01-01T25:00:00Z', false],
  ['DateGreaterThan', 'aws:CurrentTime', '2024-01-01T10:60Z', false],
  ['DateGreaterThan', 'aws:CurrentTime', 'tomorrow', false],
  ['DateLessThan', 'aws:CurrentTime', '${aws:CurrentTime}', false],
  ['NumericLessThan', 'aws:MultiFactorAuthAge', '3600', true],
  ['NumericLessThan', 'aws:MultiFactorAuthAge', '-1.5', true],
  ['NumericLessThan', 'aws:MultiFactorAuthAge', 'an hour', false],
  ['NumericLessThan', 'aws:MultiFactorAuthAge', ' 3600', false],
  ['Bool', 'aws:SecureTransport', 'true', true],
  ['Bool', 'aws:SecureTransport', 'false', true],
  ['Bool', 'aws:SecureTransport', 'yes', false],
  ['Null', 'aws:SecureTransport', 'true', true],
  ['Null', 'aws:SecureTransport', 'absent', false],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', true],
  ['IpAddress', 'aws:SourceIp', '2001:db8::/32', true],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/33', false],
  ['IpAddress', 'aws:SourceIp', '10.0.0.0 /8', false],
  ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:role/*', true],
  ['ArnLike', 'aws:PrincipalArn', '${aws:PrincipalArn}', true],
  ['ArnLike', 'aws:PrincipalArn', 'role/x', false],
  ['StringEquals', 'aws:username', 'alice', true],
  ['StringEquals', 'aws:username', '${aws:username}', true],
];

/** The value-level codes: findings about the value itself (not the key or operator). */
const VALUE_CODES = new Set([
  'type-mismatch-number',
  'type-mismatch-date',
  'invalid-date-value',
  'type-mismatch-boolean',
  'type-mismatch-string',
  'type-mismatch-ip-range',
  'type-mismatch-arn',
  'invalid-variable-for-operator',
]);

function validatorProblems(operator: string, key: string, value: string): string[] {
  const model = parseValue({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 's3:ListAllMyBuckets',
        Resource: '*',
        Condition: { [operator]: { [key]: value } },
      },
    ],
  });
  return validate(model, catalog, { kind: 'managed' })
    .filter((finding) => VALUE_CODES.has(finding.code))
    .map((finding) => finding.message);
}

describe('the form and the validator agree on condition values', () => {
  it.each(TABLE.map((row) => [`${row[0]} ${JSON.stringify(row[2])}`, row] as const))('%s', (_name, row) => {
    const [operator, key, value, fine] = row;
    const kind = valueKindOf(operator);
    const form = formCheck(kind, value);
    const shared = checkConditionValue(undefined, operator, value);
    const validator = validatorProblems(operator, key, value);
    expect(form === undefined, `form: ${form}`).toBe(fine);
    expect(shared === null, `shared: ${shared}`).toBe(fine);
    expect(validator.length === 0, `validator: ${validator.join(' | ')}`).toBe(fine);
    if (shared !== null) expect(validator).toContain(shared);
  });
});

describe('operators', () => {
  it('offers only operators the validator accepts for the key type', () => {
    const types: ConditionKeyType[] = Object.keys(ACCEPTED_FAMILIES) as ConditionKeyType[];
    for (const type of types) {
      expect(formOperators(type)).toEqual(operatorsForType(type));
      for (const base of operatorsForType(type)) {
        const family = familyOf(base);
        expect(family, base).toBeDefined();
        if (family) expect(acceptsFamily(type, family), `${type} ${base}`).toBe(true);
      }
    }
  });

  it('splits qualifiers and IfExists, and refuses NullIfExists', () => {
    expect(splitOperator('ForAnyValue:StringLikeIfExists')).toEqual({
      qualifier: 'ForAnyValue',
      base: 'StringLike',
      ifExists: true,
    });
    expect(splitOperator('NullIfExists')).toBeUndefined();
    expect(splitOperator('StringFoo')).toBeUndefined();
  });
});

describe('isIsoDate', () => {
  it('takes the W3C forms with real calendar values', () => {
    for (const ok of [
      '2024',
      '2024-02',
      '2024-02-29',
      '2024-02-29T00:00',
      '2024-02-29T23:59:59.9Z',
      '2024-02-29T12:00+0530',
    ])
      expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of [
      '24',
      '2024-2',
      '2024-00',
      '2023-02-29',
      '2024-04-31',
      '2024-01-01T24:00',
      '2024-01-01T10:00:61Z',
      '2024-01-01T10:00+24:00',
      '2024-01-01 10:00',
    ])
      expect(isIsoDate(bad), bad).toBe(false);
  });
});
