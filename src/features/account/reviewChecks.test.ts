import { describe, expect, it } from 'vitest';
import { parse } from '../../policy/parse';
import { makeFakeCatalog } from '../../policy/testing/fakeCatalog';
import { validate } from '../../policy/validate';
import { policySize } from '../../policy/size';
import { reviewPolicy } from './reviewChecks';
import { checkTrustPolicy, serviceTrustPolicy } from './trustPolicy';

const view = makeFakeCatalog();

function managedFindings(text: string) {
  const parsed = parse(text);
  return [
    ...parsed.findings,
    ...(parsed.model ? validate(parsed.model, view, { kind: 'managed', sizeChars: policySize(text) }) : []),
  ];
}

describe('reviewPolicy', () => {
  it('lets a valid policy through', () => {
    const text = JSON.stringify(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
      null,
      2,
    );
    const check = reviewPolicy(text, 'managed', managedFindings(text), view);
    expect(check.blockers).toEqual([]);
    expect(check.size).toBe(policySize(text));
    expect(check.quota).toBe(6144);
  });

  it('blocks on errors, with what to do', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }],
    });
    const check = reviewPolicy(text, 'managed', managedFindings(text), view);
    expect(check.errors.map((f) => f.code)).toContain('missing-resource');
    expect(check.blockers[0]).toMatch(/1 error that IAM would reject: fix it in the editor/);
  });

  it('checks the text as a managed policy when the editor checks another kind', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const check = reviewPolicy(text, 'trust', [], view);
    expect(check.errors.length).toBeGreaterThan(0);
    expect(check.blockers.length).toBeGreaterThan(0);
  });

  it('blocks over the quota and points to splitting', () => {
    const actions = Array.from({ length: 400 }, (_, i) => `s3:GetObject${'x'.repeat(10)}${i}`);
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
    });
    const check = reviewPolicy(text, 'managed', [], view);
    expect(check.over).toBe(true);
    expect(check.blockers).toContainEqual(
      expect.stringMatching(/over the 6,144-character quota .*use Compact or Split in the “Over the size quota” banner/),
    );
  });

  it('blocks characters IAM refuses', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalTag/City': '東京' } },
        },
      ],
    });
    expect(reviewPolicy(text, 'managed', [], view).blockers[0]).toMatch(/Latin-1/);
  });
});

describe('trust policies', () => {
  it("writes the console's service trust policy, which validates", () => {
    const text = serviceTrustPolicy(['apigateway.amazonaws.com']);
    expect(JSON.parse(text)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    });
    expect(checkTrustPolicy(text, view).errors).toEqual([]);
    expect(
      JSON.parse(serviceTrustPolicy(['a.amazonaws.com', 'b.amazonaws.com', 'a.amazonaws.com'])).Statement[0]
        .Principal.Service,
    ).toEqual(['a.amazonaws.com', 'b.amazonaws.com']);
  });

  it('reports a trust policy without a principal, and the 2,048 quota', () => {
    const check = checkTrustPolicy(
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }),
      view,
    );
    expect(check.errors.map((f) => f.code)).toContain('missing-principal');
    expect(check.quota).toBe(2048);
    expect(checkTrustPolicy('{ "Version": ', view).errors.length).toBeGreaterThan(0);
  });
});
