import { describe, expect, it } from 'vitest';
import { parseValue } from './parse';
import { summarize } from './summary';
import type { ServiceAccessSummary } from './summary';
import { fakeCatalog } from './testing/fakeCatalog';

const levelsOf = (row: ServiceAccessSummary | undefined) =>
  Object.fromEntries(
    (row?.levels ?? []).map((level) => [level.level, `${level.status} ${level.count}/${level.total}`]),
  );

describe('summarize', () => {
  it('gives per-service, per-access-level access for Allow', () => {
    const summary = summarize(
      parseValue({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:Get*', 's3:List*'],
            Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
          },
          { Effect: 'Allow', Action: 'sts:*', Resource: '*' },
        ],
      }),
      fakeCatalog,
    );
    expect(summary.allow.services.map((row) => row.prefix)).toEqual(['s3', 'sts']);
    const [s3, sts] = summary.allow.services;
    expect(s3?.name).toBe('Amazon S3');
    expect(s3?.access).toBe('Limited');
    expect(levelsOf(s3)).toEqual({
      List: 'Full 2/2',
      Read: 'Full 3/3',
      Write: 'None 0/3',
      'Permissions management': 'None 0/3',
      Tagging: 'None 0/3',
    });
    expect(s3?.count).toBe(5);
    expect(s3?.total).toBe(14);
    expect(s3?.resources).toEqual({
      all: false,
      patterns: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      notResources: [],
    });
    expect(s3?.conditions).toBe(false);
    expect(s3?.statements).toEqual([0]);
    expect(sts?.access).toBe('Full');
    expect(sts?.resources.all).toBe(true);
    expect(levelsOf(sts)).toMatchObject({ List: 'None 0/0', Write: 'Full 1/1' });
    expect(summary.deny.services).toEqual([]);
  });

  it('shows Limited when only some actions of a level are allowed, with conditions', () => {
    const summary = summarize(
      parseValue({
        Statement: {
          Effect: 'Allow',
          Action: ['iam:PassRole', 'iam:GetRole'],
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
        },
      }),
      fakeCatalog,
    );
    const iam = summary.allow.services[0];
    expect(levelsOf(iam)).toMatchObject({ Read: 'Limited 1/2', Write: 'Limited 1/3', List: 'None 0/2' });
    expect(iam?.conditions).toBe(true);
    expect(iam?.conditionKeys).toEqual(['iam:PassedToService']);
    expect(iam?.actions.map((action) => action.name)).toEqual(['GetRole', 'PassRole']);
  });

  it('keeps explicit Deny in its own section', () => {
    const summary = summarize(
      parseValue({
        Statement: [
          { Effect: 'Allow', Action: '*', Resource: '*' },
          {
            Effect: 'Deny',
            Action: 'iam:*',
            Resource: '*',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
          },
          {
            Effect: 'Deny',
            NotAction: ['s3:*', 'sts:*', 'iam:*'],
            NotResource: 'arn:aws:ec2:*:*:instance/i-1',
          },
        ],
      }),
      fakeCatalog,
    );
    expect(summary.allow.services.map((row) => [row.prefix, row.access])).toEqual([
      // sorted by service name: Amazon EC2, Amazon S3, AWS Identity…, AWS Security Token Service
      ['ec2', 'Full'],
      ['s3', 'Full'],
      ['iam', 'Full'],
      ['sts', 'Full'],
    ]);
    expect(
      summary.deny.services.map((row) => [row.prefix, row.access, row.conditions, row.statements]),
    ).toEqual([
      ['ec2', 'Full', false, [2]],
      ['iam', 'Full', true, [1]],
    ]);
    expect(summary.deny.services[0]?.resources).toEqual({
      all: false,
      patterns: [],
      notResources: ['arn:aws:ec2:*:*:instance/i-1'],
    });
  });

  it('lists unrecognized services, unknown actions and unmatched patterns', () => {
    const summary = summarize(
      parseValue({
        Statement: [
          {
            Effect: 'Allow',
            Action: ['madeup:DoThing', 'madeup:Other', 'MadeUp:*', 'aws-portal:ViewBilling'],
            Resource: '*',
          },
          { Effect: 'Allow', Action: ['s3:GetObjectz', 'nope*:x', 's3:GetObject'], Resource: '*' },
          { Effect: 'Allow', Action: 'ec2:NotReal', Resource: '*' },
          { Effect: 'Bogus', Action: 'sts:*' },
        ],
      }),
      fakeCatalog,
    );
    expect(summary.allow.unrecognized).toEqual([
      {
        prefix: 'aws-portal',
        actions: ['aws-portal:ViewBilling'],
        statements: [0],
        retired: 'AWS Billing Console (legacy permissions)',
      },
      { prefix: 'madeup', actions: ['madeup:DoThing', 'madeup:Other', 'MadeUp:*'], statements: [0] },
    ]);
    const s3 = summary.allow.services.find((row) => row.prefix === 's3');
    expect(s3?.unrecognizedActions).toEqual(['s3:GetObjectz']);
    expect(s3?.count).toBe(1);
    const ec2 = summary.allow.services.find((row) => row.prefix === 'ec2');
    expect(ec2?.count).toBe(0);
    expect(ec2?.unrecognizedActions).toEqual(['ec2:NotReal']);
    expect(summary.allow.unmatchedPatterns).toEqual(['nope*:x']);
    expect(summary.allow.services.some((row) => row.prefix === 'sts')).toBe(false);
  });

  it('summarizes an empty or odd document to empty sections', () => {
    for (const document of [{}, [], 'x', { Statement: [] }, { Statement: [{ Effect: 'Allow' }] }]) {
      const summary = summarize(parseValue(document), fakeCatalog);
      expect(summary.allow).toEqual({ services: [], unrecognized: [], unmatchedPatterns: [] });
      expect(summary.deny).toEqual({ services: [], unrecognized: [], unmatchedPatterns: [] });
    }
  });
});
