/**
 * Policy evaluator figures: evaluations per second for AWS's ReadOnlyAccess (compiled once)
 * against random requests, and for a policy set with conditions, a boundary, an SCP and a
 * resource-based policy. Prints figures; asserts nothing about time (target: > 50,000/s).
 */
import { loadCatalogFromDisk } from '../src/catalog/node';
import { compile, evaluateCompiled } from '../src/policy/evaluate';
import type { CompiledPolicySet, EvaluationRequest } from '../src/policy/evaluate';
import type { JsonValue } from '../src/policy/model';
import { ms, rng, summarizeTimes } from './stats';

const ACCOUNT = '111122223333';

function randomRequests(actions: readonly string[], count: number, seed: number): EvaluationRequest[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const requests: EvaluationRequest[] = [];
  for (let i = 0; i < count; i++) {
    const action = pick(actions);
    const service = action.slice(0, action.indexOf(':'));
    const resource =
      random() < 0.2
        ? '*'
        : `arn:aws:${service}:us-east-1:${ACCOUNT}:thing/${Math.floor(random() * 1e6).toString(36)}`;
    requests.push({
      principal: { arn: `arn:aws:iam::${ACCOUNT}:user/u${i % 50}` },
      action,
      resource,
      context: {
        'aws:SourceIp': `203.0.113.${Math.floor(random() * 256)}`,
        'aws:SecureTransport': random() < 0.9 ? 'true' : 'false',
        'aws:PrincipalTag/team': pick(['dev', 'ops', 'qa']),
        'aws:RequestedRegion': pick(['eu-west-1', 'us-east-1']),
      },
    });
  }
  return requests;
}

/**
 * Throughput over `rounds` passes through the requests; the machine may be shared, so the best
 * and the median pass are both printed.
 */
function measure(
  label: string,
  set: CompiledPolicySet,
  requests: readonly EvaluationRequest[],
  rounds = 5,
): void {
  const counts = { allowed: 0, 'explicit-deny': 0, 'implicit-deny': 0 };
  for (const request of requests) counts[evaluateCompiled(set, request).decision]++; // warm up
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now();
    for (const request of requests) evaluateCompiled(set, request);
    rates.push((requests.length / (performance.now() - t0)) * 1000);
  }
  const { median } = summarizeTimes(rates);
  const best = Math.max(...rates);
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  console.log(
    `${label}: ${n(median)} evaluations/s median, ${n(best)} best of ${rounds} passes over ${n(requests.length)} requests ` +
      `(${counts.allowed} allowed, ${counts['implicit-deny']} implicit deny, ${counts['explicit-deny']} explicit deny; target > 50,000/s)`,
  );
}

export async function evaluateBench(): Promise<void> {
  console.log('== Policy evaluator');
  const loader = await loadCatalogFromDisk();
  const managed = await loader.managedPolicy('ReadOnlyAccess');
  if (managed === undefined) throw new Error('ReadOnlyAccess is not in the catalog');
  const actions = loader.view.allActions.map((a) => `${a.service}:${a.name}`);
  const requests = randomRequests(actions, 50_000, 14);

  const c0 = performance.now();
  const readOnly = compile({
    identityPolicies: [{ name: 'ReadOnlyAccess', document: managed.document as JsonValue }],
  });
  console.log(`compile ReadOnlyAccess: ${ms(performance.now() - c0)}`);
  measure('ReadOnlyAccess, random requests', readOnly, requests);

  const conditional = compile({
    identityPolicies: [
      { name: 'ReadOnlyAccess', document: managed.document as JsonValue },
      {
        name: 'guard',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Action: '*',
              Resource: '*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
            {
              Effect: 'Allow',
              Action: ['s3:*', 'sqs:*'],
              Resource: 'arn:aws:*:*:*:thing/${aws:PrincipalTag/team}*',
              Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/25' } },
            },
          ],
        },
      },
    ],
    boundary: {
      name: 'boundary',
      document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }],
      },
    },
    scps: [
      [
        {
          name: 'regions',
          document: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: '*', Resource: '*' },
              {
                Effect: 'Deny',
                NotAction: ['iam:*', 'sts:*'],
                Resource: '*',
                Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
              },
            ],
          },
        },
      ],
    ],
  });
  measure('ReadOnlyAccess + conditions, boundary, SCP', conditional, requests);
}
