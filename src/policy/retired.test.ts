import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { loadCatalogFromDisk } from '../catalog/node';
import type { JsonValue } from './model';
import { parseValue } from './parse';
import { removeRetiredActions } from './retired';
import { makeFakeCatalog } from './testing/fakeCatalog';
import { validate } from './validate';

let catalog: CatalogView;

/** Test documents are plain literals; TypeScript's inferred unions are not JsonValue. */
function json(value: unknown): JsonValue {
  return value as JsonValue;
}
beforeAll(async () => {
  catalog = (await loadCatalogFromDisk()).view;
});

describe('removeRetiredActions', () => {
  it('removes Action items of retired services, keeping everything else and the key order', () => {
    const document = {
      Version: '2012-10-17',
      Id: 'keep',
      Statement: [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Action: ['s3:GetObject', 'deepcomposer:ListModels', 'IOT1CLICK:List*', 'ec2:DescribeInstances'],
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
          Custom: 1,
        },
      ],
    };
    const result = removeRetiredActions(json(document), catalog);
    expect(result.removed).toBe(2);
    expect(result.services).toEqual(['deepcomposer', 'iot1click']);
    expect(JSON.stringify(result.document)).toBe(
      JSON.stringify({
        ...document,
        Statement: [{ ...document.Statement[0], Action: ['s3:GetObject', 'ec2:DescribeInstances'] }],
      }),
    );
    expect(
      Object.keys((result.document as { Statement: Record<string, unknown>[] }).Statement[0] ?? {}),
    ).toEqual(['Sid', 'Effect', 'Action', 'Resource', 'Condition', 'Custom']);
  });

  it('drops statements left without actions, and leaves NotAction alone', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'deeplens:ListDevices', Resource: '*' },
        { Effect: 'Allow', Action: ['deepracer:*', 'mobilehub:*'], Resource: '*' },
        { Effect: 'Deny', NotAction: ['deeplens:*'], Resource: '*' },
        { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
      ],
    };
    const result = removeRetiredActions(json(document), catalog);
    expect(result.removed).toBe(3);
    expect(result.services).toEqual(['deeplens', 'deepracer', 'mobilehub']);
    expect(result.document).toEqual({
      Version: '2012-10-17',
      Statement: [document.Statement[2], document.Statement[3]],
    });
  });

  it('returns the same document when nothing is retired, or it is not a policy', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 42], Resource: '*' }],
    } as unknown as JsonValue;
    const result = removeRetiredActions(json(document), catalog);
    expect(result.document).toBe(document);
    expect(result).toMatchObject({ removed: 0, services: [] });
    for (const odd of [null, [], 'x', { Statement: 'x' }] as JsonValue[])
      expect(removeRetiredActions(odd, catalog).document).toBe(odd);
  });

  it('keeps the single-statement form when the statement survives', () => {
    const document = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: ['iot1click:ListProjects', 's3:ListAllMyBuckets'],
        Resource: '*',
      },
    };
    const result = removeRetiredActions(json(document), catalog);
    expect(result.document).toEqual({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: ['s3:ListAllMyBuckets'], Resource: '*' },
    });
    const gone = removeRetiredActions(
      { ...document, Statement: { ...document.Statement, Action: 'iot1click:*' } },
      catalog,
    );
    expect(gone.document).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  it('uses the catalog view it is given (a retired prefix of the fake catalog)', () => {
    const result = removeRetiredActions(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['aws-portal:ViewBilling', 'ec2:RunInstances'], Resource: '*' },
        ],
      },
      makeFakeCatalog(),
    );
    expect(result.removed).toBe(1);
    expect(result.services).toEqual(['aws-portal']);
  });

  it('leaves ReadOnlyAccess with no retired-service finding', async () => {
    const loader = await loadCatalogFromDisk();
    const readOnly = (await loader.managedPolicy('ReadOnlyAccess'))?.document as JsonValue;
    const before = validate(parseValue(readOnly), catalog, { kind: 'managed' }).filter(
      (finding) => finding.code === 'retired-service',
    );
    expect(before.length).toBeGreaterThan(10);
    const result = removeRetiredActions(readOnly, catalog);
    expect(result.removed).toBe(before.length);
    const after = validate(parseValue(result.document), catalog, { kind: 'managed' });
    expect(after.filter((finding) => finding.code === 'retired-service')).toEqual([]);
    expect(after.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
