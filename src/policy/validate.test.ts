import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { loadCatalogFromDisk } from '../catalog/node';
import { CHECKS } from './checks';
import { INVALID_CASES, VALID_CASES } from './fixtures/validateCases';
import type { ValidateCase } from './fixtures/validateCases';
import type { Finding, PolicyModel } from './model';
import { parse, parseValue } from './parse';
import { makeFakeCatalog } from './testing/fakeCatalog';
import { locateFindings, validate } from './validate';

let catalog: CatalogView;

beforeAll(async () => {
  catalog = (await loadCatalogFromDisk()).view;
});

function run(testCase: ValidateCase): { findings: Finding[]; text: string } {
  const text = testCase.text ?? JSON.stringify(testCase.policy, null, 2);
  const result = parse(text);
  const findings: Finding[] = [...result.findings];
  if (result.model) {
    const options = {
      kind: testCase.kind ?? 'managed',
      ...(testCase.sizeChars === undefined ? {} : { sizeChars: testCase.sizeChars }),
    };
    findings.push(
      ...locateFindings(validate(result.model, catalog, options), result.locate, result.locateKey),
    );
  }
  return { findings, text };
}

const key = (code: string, pointer: string): string => `${code} ${pointer}`;

describe('validate: invalid policies', () => {
  it.each(INVALID_CASES.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const { findings } = run(testCase);
    expect(findings.map((finding) => key(finding.code, finding.pointer)).sort()).toEqual(
      testCase.expect.map(([code, pointer]) => key(code, pointer)).sort(),
    );
    for (const finding of findings) {
      // Severity comes from the registry; the message says what is wrong and what to do.
      if (finding.code in CHECKS)
        expect(finding.severity).toBe(CHECKS[finding.code as keyof typeof CHECKS].severity);
      expect(finding.message.length).toBeGreaterThan(20);
      // Every finding inside the document can be shown in the editor.
      if (finding.pointer !== '')
        expect(finding.range, `${finding.code} at ${finding.pointer} has no range`).toBeDefined();
    }
  });
});

describe('validate: valid policies', () => {
  it.each(VALID_CASES.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const { findings } = run(testCase);
    expect(findings.map((finding) => `${finding.code} ${finding.pointer}: ${finding.message}`)).toEqual([]);
  });
});

describe('validate: robustness', () => {
  const values: unknown[] = [
    null,
    42,
    'text',
    [],
    {},
    { Statement: null },
    { Statement: [null, 1, 'x', []] },
    { Statement: { Effect: 1, Action: {}, Resource: [[]], Condition: [] } },
    { Statement: [{ Condition: { StringEquals: [] } }] },
    { Statement: [{ Condition: { StringEquals: { 'aws:SourceIp': [null, {}, []] } } }] },
    { Statement: [{ Principal: 5, NotPrincipal: ['x'] }] },
    { Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:' }] },
    { Statement: [{ Effect: 'Allow', Action: ':', Resource: 'arn:::::' }] },
    { Statement: [{ Effect: 'Allow', Action: '*:*', Resource: 'arn:*:*:*:*:*' }] },
    { Statement: [{ Effect: 'Allow', Action: 'a:b:c', Resource: '${', Condition: { '': { '': '' } } }] },
    {
      __proto__: 1,
      Statement: [{ constructor: 1, toString: 'x', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }],
    },
  ];
  it.each(values.map((value, index) => [index, value] as const))(
    'never throws on odd document %i',
    (_index, value) => {
      for (const kind of ['managed', 'trust'] as const) {
        let model: PolicyModel;
        try {
          model = parseValue(value);
        } catch {
          return;
        }
        const findings = validate(model, catalog, { kind });
        expect(findings.some((finding) => finding.code === 'validator-internal-error')).toBe(false);
      }
    },
  );

  it('never fails on generated policies', () => {
    const text = fc.constantFrom(
      '*',
      's3:GetObject',
      's3:Get*',
      '*:Get*',
      'iam:PassRole',
      'sts:AssumeRole',
      'deeplens:*',
      'foo:Bar',
      'arn:aws:s3:::b/*',
      'arn:aws:iam::123456789012:role/*',
      'arn:aws:ec2::123:instance/*',
      'arn:*:*:*:*:*',
      '${aws:username}',
      '${',
      '',
      'aws:SourceIp',
      '10.0.0.0/8',
      'true',
      '2025-01-01',
    );
    const value = fc.oneof(
      text,
      fc.array(text, { maxLength: 3 }),
      fc.integer(),
      fc.constant(null),
      fc.dictionary(text, text, { maxKeys: 2 }),
    );
    const operator = fc.constantFrom(
      'StringEquals',
      'ForAnyValue:StringLike',
      'NumericLessThan',
      'Bool',
      'IpAddress',
      'Null',
      'NullIfExists',
      'Foo',
    );
    const key = fc.constantFrom(
      'aws:SourceIp',
      'aws:TagKeys',
      'aws:ResourceTag/team',
      's3:prefix',
      'saml:aud',
      'x',
      'foo:bar',
      'aws:ARN',
    );
    const condition = fc.dictionary(operator, fc.dictionary(key, value, { maxKeys: 2 }), { maxKeys: 2 });
    const statement = fc.record(
      {
        Sid: value,
        Effect: fc.constantFrom('Allow', 'Deny', 'allow', 5),
        Action: value,
        NotAction: value,
        Resource: value,
        NotResource: value,
        Principal: fc.oneof(
          value,
          fc.record({ AWS: value, Service: value, Federated: value }, { requiredKeys: [] }),
        ),
        Condition: fc.oneof(condition, value),
      },
      { requiredKeys: [] },
    );
    const policy = fc.record(
      {
        Version: fc.constantFrom('2012-10-17', '2008-10-17', 1),
        Statement: fc.oneof(statement, fc.array(statement, { maxLength: 3 })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(policy, fc.constantFrom('managed', 'trust', 'inline-user'), (document, kind) => {
        const findings = validate(parseValue(document), catalog, { kind, sizeChars: 100 });
        expect(findings.filter((finding) => finding.code === 'validator-internal-error')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when the catalog misbehaves', () => {
    const model = parseValue({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    const broken: CatalogView = {
      dataDate: catalog.dataDate,
      packages: catalog.packages,
      services: catalog.services,
      allActions: catalog.allActions,
      globalConditionKeys: catalog.globalConditionKeys,
      retiredServices: catalog.retiredServices,
      service: (prefix) => catalog.service(prefix),
      detail: () => {
        throw new Error('boom');
      },
      actionDetail: () => undefined,
    };
    const findings = validate(model, broken, { kind: 'managed' });
    expect(Array.isArray(findings)).toBe(true);
  });

  it('works with a catalog whose service details are not loaded, skipping what needs them', () => {
    const partial: CatalogView = {
      dataDate: catalog.dataDate,
      packages: catalog.packages,
      services: catalog.services,
      allActions: catalog.allActions,
      globalConditionKeys: catalog.globalConditionKeys,
      retiredServices: catalog.retiredServices,
      service: (prefix) => catalog.service(prefix),
      detail: () => undefined,
      actionDetail: () => undefined,
    };
    const model = parseValue({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:GetObjekt'],
          Resource: 'arn:aws:iam::123456789012:role/x',
          Condition: { StringLike: { 's3:prefix': 'a/*', 'saml:aud': 'x' } },
        },
      ],
    });
    const codes = validate(model, partial, { kind: 'managed' }).map((finding) => finding.code);
    // The action index is always there; resource types and condition keys are not.
    expect(codes).toEqual(['invalid-action']);
  });

  it('works with the small fake catalog', () => {
    const model = parseValue({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'ec2:Nope'], Resource: '*' }],
    });
    expect(validate(model, makeFakeCatalog(), { kind: 'managed' }).map((finding) => finding.code)).toEqual([
      'invalid-action',
    ]);
  });
});

describe('validate: messages', () => {
  it('suggests the closest action and service', () => {
    const model = parseValue({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObjekt', 'ec3:DescribeInstances'], Resource: '*' }],
    });
    const messages = validate(model, catalog, { kind: 'managed' }).map((finding) => finding.message);
    expect(messages.join('\n')).toContain('"s3:GetObject"');
    expect(messages.join('\n')).toContain('"ec2:DescribeInstances"');
  });

  it('names retired services', () => {
    const model = parseValue({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'deeplens:ListDevices', Resource: '*' }],
    });
    const [finding] = validate(model, catalog, { kind: 'managed' });
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toMatch(
      /^AWS DeepLens \(prefix deeplens\), retired by AWS on 2024-01-31\. IAM still accepts "deeplens:ListDevices"/,
    );
  });

  it('gives the corrected CIDR', () => {
    const model = parseValue({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.5/24', '2001:db8::1/32'] } },
        },
      ],
    });
    const messages = validate(model, catalog, { kind: 'managed' }).map((finding) => finding.message);
    expect(messages.join('\n')).toContain('"203.0.113.0/24"');
    expect(messages.join('\n')).toContain('"2001:db8::/32"');
  });
});

describe('locateFindings', () => {
  it('fills ranges from the parse result and prefers the key for key findings', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*", "Sidd": "x"}]\n}';
    const result = parse(text);
    const located = locateFindings(
      validate(result.model as PolicyModel, catalog, { kind: 'managed' }),
      result.locate,
      result.locateKey,
    );
    const action = located.find((finding) => finding.code === 'invalid-action');
    const element = located.find((finding) => finding.code === 'invalid-policy-element');
    expect(
      text.slice(action?.range?.offset, (action?.range?.offset ?? 0) + (action?.range?.length ?? 0)),
    ).toBe('"s3:GetObjekt"');
    expect(
      text.slice(element?.range?.offset, (element?.range?.offset ?? 0) + (element?.range?.length ?? 0)),
    ).toBe('"Sidd"');
    expect(element?.range?.line).toBe(3);
  });

  it('leaves findings without a place as they are', () => {
    const finding: Finding = { severity: 'warning', code: 'missing-version', message: 'm', pointer: '' };
    expect(locateFindings([finding], () => undefined)).toEqual([finding]);
  });
});
