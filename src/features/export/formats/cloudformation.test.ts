import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../policy/model';
import {
  CfnRef,
  CLOUDFORMATION_LOAD_SCHEMA,
  intrinsicLookalikes,
  logicalIdOf,
  toCloudFormation,
} from './cloudformation';
import { ECS_INPUT, TRICKY_INPUT } from './testing/policies';
import type { ExportInput } from './types';

interface Template {
  AWSTemplateFormatVersion: string;
  Description: string;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, { Description: string; Value: unknown }>;
}

function loadYaml(text: string): Template {
  return load(text, { schema: CLOUDFORMATION_LOAD_SCHEMA }) as Template;
}

function loadJson(text: string): Template {
  return JSON.parse(text) as Template;
}

/** Deep equality that also checks key order (toStrictEqual does not). */
function expectSameDocument(actual: unknown, expected: JsonValue): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

describe('toCloudFormation (YAML)', () => {
  it('writes the ECS seed policy as a readable template', () => {
    const out = toCloudFormation(ECS_INPUT);
    expect(out.filename).toBe('EcsReadOnlyWithMfa.template.yaml');
    expect(out.notes).toEqual([]);
    expect(out.text).toBe(`AWSTemplateFormatVersion: '2010-09-09'
Description: Read-only ECS access, only with MFA
Resources:
  EcsReadOnlyWithMfa:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: EcsReadOnlyWithMfa
      Description: Read-only ECS access, only with MFA
      Path: /
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: EcsReadOnlyWithMfa
            Effect: Allow
            Action:
              - ecs:Describe*
              - ecs:List*
            Resource: '*'
            Condition:
              Bool:
                aws:MultiFactorAuthPresent: 'true'
Outputs:
  EcsReadOnlyWithMfaArn:
    Description: The ARN of the managed policy EcsReadOnlyWithMfa
    Value: !Ref EcsReadOnlyWithMfa
`);
  });

  it('reads back to the same document, key order and value types included', () => {
    for (const input of [ECS_INPUT, TRICKY_INPUT]) {
      const template = loadYaml(toCloudFormation(input).text);
      const id = logicalIdOf(input.name);
      expectSameDocument(template.Resources[id]?.Properties.PolicyDocument, input.document);
    }
  });

  it('keeps "true" a string and true a boolean, numbers numbers', () => {
    const template = loadYaml(toCloudFormation(TRICKY_INPUT).text);
    const statements = (
      template.Resources.TrickyPolicyV2?.Properties.PolicyDocument as {
        Statement: { Condition?: Record<string, Record<string, unknown>> }[];
      }
    ).Statement;
    expect(statements[0]?.Condition?.Bool).toStrictEqual({
      'aws:SecureTransport': true,
      'aws:ViaAWSService': 'false',
    });
    expect(statements[0]?.Condition?.NumericLessThanEquals).toStrictEqual({ 's3:max-keys': 100 });
    expect(statements[2]?.Condition?.NumericGreaterThan).toStrictEqual({
      'aws:MultiFactorAuthAge': [3600, 1.5, -2, 0],
    });
  });

  it('quotes what YAML would otherwise read differently, and leaves policy variables alone', () => {
    const text = toCloudFormation(TRICKY_INPUT).text;
    for (const line of [
      "Action: '*'",
      "NotResource: '*'",
      "- '*star'",
      "- '!bang'",
      "- '&amp'",
      "- '#hash'",
      "- 'a: b'",
      "- 'yes'",
      "- 'on'",
      "- '0755'",
      "- '1:20'",
      "- 'null'",
      "- '~'",
      "- '2012-10-17'",
      "- ''",
      '- home/${aws:username}/*',
      '- arn:aws:s3:::example-bucket/home/${aws:username}/*',
      "aws:ViaAWSService: 'false'",
      'aws:SecureTransport: true',
      's3:max-keys: 100',
    ]) {
      expect(text).toContain(line);
    }
    // a policy variable is never turned into CloudFormation syntax
    expect(text).not.toMatch(/Fn::Sub|!Sub/);
  });

  it('writes the name, description, path, targets and the ARN output', () => {
    const template = loadYaml(toCloudFormation(TRICKY_INPUT).text);
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(template.Description).toBe(TRICKY_INPUT.description);
    expect(Object.keys(template.Resources)).toEqual(['TrickyPolicyV2']);
    const resource = template.Resources.TrickyPolicyV2;
    expect(resource?.Type).toBe('AWS::IAM::ManagedPolicy');
    expect(Object.keys(resource?.Properties ?? {})).toEqual([
      'ManagedPolicyName',
      'Description',
      'Path',
      'PolicyDocument',
      'Users',
      'Groups',
      'Roles',
    ]);
    expect(resource?.Properties.ManagedPolicyName).toBe('Tricky.Policy_v2');
    expect(resource?.Properties.Description).toBe(TRICKY_INPUT.description);
    expect(resource?.Properties.Path).toBe('/team/ops/');
    expect(resource?.Properties.Users).toEqual(['alice', 'bob.smith@example']);
    expect(resource?.Properties.Groups).toEqual(['Ops-Team']);
    expect(resource?.Properties.Roles).toEqual(['ops_role', 'OpsRole2']);
    expect(template.Outputs.TrickyPolicyV2Arn?.Value).toStrictEqual(new CfnRef('TrickyPolicyV2'));
  });

  it('leaves out Description and target lists when there are none, and defaults the path', () => {
    const input: ExportInput = {
      document: ECS_INPUT.document,
      name: 'x',
      targets: { users: [], groups: [''], roles: [] },
    };
    const template = loadYaml(toCloudFormation(input).text);
    const properties = template.Resources.X?.Properties ?? {};
    expect(Object.keys(properties)).toEqual(['ManagedPolicyName', 'Path', 'PolicyDocument']);
    expect(properties.Path).toBe('/');
    expect(template.Description).toBe('IAM managed policy x');
  });

  it('keeps "__proto__" and other odd keys as own keys', () => {
    const document = JSON.parse(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"__proto__":"x","constructor":"y","a\\"b":"z"}}}]}',
    ) as JsonValue;
    const input: ExportInput = { document, name: 'Odd' };
    expectSameDocument(
      loadYaml(toCloudFormation(input).text).Resources.Odd?.Properties.PolicyDocument,
      document,
    );
    expectSameDocument(
      loadJson(toCloudFormation(input, { format: 'json' }).text).Resources.Odd?.Properties.PolicyDocument,
      document,
    );
  });
});

describe('toCloudFormation (JSON)', () => {
  it('writes the same template as JSON with {"Ref": ...}', () => {
    const out = toCloudFormation(ECS_INPUT, { format: 'json' });
    expect(out.filename).toBe('EcsReadOnlyWithMfa.template.json');
    const template = loadJson(out.text);
    expect(template.Outputs.EcsReadOnlyWithMfaArn?.Value).toStrictEqual({ Ref: 'EcsReadOnlyWithMfa' });
    expectSameDocument(template.Resources.EcsReadOnlyWithMfa?.Properties.PolicyDocument, ECS_INPUT.document);
    expect(out.text).toContain('    "AWSTemplateFormatVersion": "2010-09-09",');
  });

  it('reads back to the same document as the YAML form', () => {
    const json = loadJson(toCloudFormation(TRICKY_INPUT, { format: 'json' }).text);
    const yaml = loadYaml(toCloudFormation(TRICKY_INPUT).text);
    expectSameDocument(json.Resources.TrickyPolicyV2?.Properties.PolicyDocument, TRICKY_INPUT.document);
    expect({ ...json, Outputs: undefined }).toStrictEqual({ ...yaml, Outputs: undefined });
  });
});

describe('intrinsicLookalikes', () => {
  it('finds single-key objects CloudFormation would read as intrinsic functions', () => {
    const document = JSON.parse(
      '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":{"Fn::Sub":"x"}},{"Ref":"y"}],"a/b":{"Condition":"c"}}',
    ) as JsonValue;
    expect(intrinsicLookalikes(document)).toEqual(['/Statement/0/Resource', '/Statement/1', '/a~1b']);
    expect(toCloudFormation({ document, name: 'n' }).notes).toHaveLength(3);
    expect(intrinsicLookalikes(ECS_INPUT.document)).toEqual([]);
  });
});
