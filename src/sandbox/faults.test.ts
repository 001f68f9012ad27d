/**
 * The fault plan: parsing, the seeded draws, and each fault kind through the unmodified AWS SDK,
 * showing that a faulted request leaves the account unchanged.
 */
import {
  CreatePolicyCommand,
  IAMClient,
  ListPoliciesCommand,
  ListUsersCommand,
  ServiceFailureException,
} from '@aws-sdk/client-iam';
import type { IAMClientConfig } from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultInjector, emptyFaultStats, parseFaultPlan } from './faults';
import type { FaultDecision } from './faults';
import { startSandbox } from './sandbox';
import type { Sandbox } from './sandbox';

const DOCUMENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }],
});

describe('parseFaultPlan', () => {
  it('reads every fault, the seed and the operations', () => {
    const plan = parseFaultPlan(
      'throttle=0.2,error500=0.1,latency=200-800,drop=0.05,stall=0.02,seed=7,ops=CreatePolicy|AttachRolePolicy',
    );
    expect(plan).toMatchObject({
      throttle: 0.2,
      error500: 0.1,
      drop: 0.05,
      stall: 0.02,
      latency: [200, 800],
      seed: 7,
    });
    expect([...(plan.ops ?? [])]).toEqual(['CreatePolicy', 'AttachRolePolicy']);
    expect(parseFaultPlan('latency=300')).toMatchObject({
      latency: [300, 300],
      throttle: 0,
      seed: 1,
      ops: undefined,
    });
    expect(parseFaultPlan('')).toMatchObject({ throttle: 0, latency: undefined });
  });

  it.each([
    ['throttle=1.5', 'between 0 and 1'],
    ['throttle=x', 'between 0 and 1'],
    ['throttle=0.6,error500=0.6', 'add up to'],
    ['latency=800-200', 'latency'],
    ['latency=fast', 'latency'],
    ['seed=-1', 'seed'],
    ['ops=Create Policy', 'ops'],
    ['explode=0.1', 'unknown fault'],
    ['throttle', 'name=value'],
    ['drop=0.1,drop=0.2', 'twice'],
  ])('refuses %s', (text, message) => {
    expect(() => parseFaultPlan(text)).toThrow(message);
  });
});

describe('FaultInjector', () => {
  const draw = (plan: string, action: string, n: number): FaultDecision[] => {
    const injector = new FaultInjector(parseFaultPlan(plan), emptyFaultStats());
    return Array.from({ length: n }, () => injector.decide(action));
  };

  it('gives the same faults for the same seed, other faults for another seed', () => {
    const plan = 'throttle=0.2,error500=0.1,drop=0.05,stall=0.05,latency=10-20';
    expect(draw(`${plan},seed=7`, 'CreatePolicy', 200)).toEqual(draw(`${plan},seed=7`, 'CreatePolicy', 200));
    expect(draw(`${plan},seed=8`, 'CreatePolicy', 200)).not.toEqual(
      draw(`${plan},seed=7`, 'CreatePolicy', 200),
    );
  });

  it('injects each fault at its rate and counts them', () => {
    const stats = emptyFaultStats();
    const injector = new FaultInjector(
      parseFaultPlan('throttle=0.2,error500=0.1,drop=0.05,stall=0.02,latency=200-800,seed=3'),
      stats,
    );
    const n = 20_000;
    const delays: number[] = [];
    for (let i = 0; i < n; i++) {
      const decision = injector.decide('ListRoles');
      if (decision.kind === 'latency') delays.push(decision.ms);
    }
    expect(stats.throttle / n).toBeCloseTo(0.2, 1);
    expect(stats.error500 / n).toBeCloseTo(0.1, 1);
    expect(Math.abs(stats.drop / n - 0.05)).toBeLessThan(0.01);
    expect(Math.abs(stats.stall / n - 0.02)).toBeLessThan(0.01);
    expect(stats.latency).toBe(n - stats.throttle - stats.error500 - stats.drop - stats.stall);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...delays)).toBeLessThanOrEqual(800);
  });

  it('leaves operations outside `ops` alone', () => {
    expect(draw('throttle=1,ops=CreatePolicy', 'ListUsers', 20).every((d) => d.kind === 'none')).toBe(true);
    expect(draw('throttle=1,ops=CreatePolicy', 'CreatePolicy', 20).every((d) => d.kind === 'throttle')).toBe(
      true,
    );
  });
});

describe('fault plan through the AWS SDK', () => {
  let sandbox: Sandbox | undefined;
  let client: IAMClient | undefined;

  afterEach(async () => {
    client?.destroy();
    await sandbox?.close();
    sandbox = undefined;
    client = undefined;
  });

  async function start(faults: string, extra: Partial<IAMClientConfig> = {}): Promise<IAMClient> {
    sandbox = await startSandbox({ seed: false, faults });
    client = new IAMClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
      maxAttempts: 1,
      ...extra,
    });
    return client;
  }

  async function localPolicies(iam: IAMClient): Promise<string[]> {
    const out = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
    return (out.Policies ?? []).map((p) => p.PolicyName ?? '');
  }

  const create = (iam: IAMClient, name: string) =>
    iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: DOCUMENT }));

  it('throttles with Throttling (400, "Rate exceeded") and changes nothing', async () => {
    const iam = await start('throttle=1,ops=CreatePolicy');
    const error = await create(iam, 'Throttled').catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 },
    });
    expect(await localPolicies(iam)).toEqual([]);
    expect(sandbox?.state.faults).toMatchObject({ throttle: 1, error500: 0 });
    await iam.send(new ListUsersCommand({})); // not in ops
  });

  it('fails with ServiceFailure (500) and changes nothing', async () => {
    const iam = await start('error500=1,ops=CreatePolicy');
    const error = await create(iam, 'Failed').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceFailureException);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 500 } });
    expect(await localPolicies(iam)).toEqual([]);
    expect(sandbox?.state.faults.error500).toBe(1);
  });

  it('drops the connection without an answer and changes nothing', async () => {
    const iam = await start('drop=1,ops=CreatePolicy');
    const error = await create(iam, 'Dropped').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBeUndefined();
    expect(await localPolicies(iam)).toEqual([]);
    expect(sandbox?.state.faults.drop).toBe(1);
  });

  it('stalls: accepts the request and never answers; the client times out and nothing changes', async () => {
    const iam = await start('stall=1,ops=CreatePolicy');
    const started = Date.now();
    const error = await iam
      .send(new CreatePolicyCommand({ PolicyName: 'Stalled', PolicyDocument: DOCUMENT }), {
        abortSignal: AbortSignal.timeout(300),
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: expect.stringMatching(/AbortError|TimeoutError/) as unknown });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await localPolicies(iam)).toEqual([]);
    expect(sandbox?.state.faults.stall).toBe(1);
  });

  it('delays answers by the latency range and still applies the request', async () => {
    const iam = await start('latency=150-200,ops=CreatePolicy');
    const started = Date.now();
    await create(iam, 'Slow');
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    expect(await localPolicies(iam)).toEqual(['Slow']);
    expect(sandbox?.state.faults.latency).toBe(1);
  });

  it('under a mixed plan, exactly the answered requests change the account', async () => {
    const iam = await start('throttle=0.3,error500=0.2,drop=0.1,seed=7,ops=CreatePolicy');
    const succeeded: string[] = [];
    for (let i = 0; i < 40; i++) {
      const name = `Mixed${String(i).padStart(2, '0')}`;
      const ok = await create(iam, name).then(
        () => true,
        () => false,
      );
      if (ok) succeeded.push(name);
    }
    const faults = sandbox?.state.faults;
    expect(faults && faults.throttle + faults.error500 + faults.drop).toBe(40 - succeeded.length);
    expect(faults?.throttle).toBeGreaterThan(0);
    expect(faults?.error500).toBeGreaterThan(0);
    expect(faults?.drop).toBeGreaterThan(0);
    expect((await localPolicies(iam)).sort()).toEqual(succeeded);
  });
});
