/**
 * The two evaluators compared: every conformance scenario of src/policy/evaluate/scenarios (each
 * citing the AWS documentation it tests) is run through the sandbox's own evaluator too, where
 * the sandbox models it (as IAM's SimulateCustomPolicy would take it: no session policies, the
 * caller an IAM user, group or role). Both must give the documented decision, except for the
 * listed differences, each with its reason.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../policy/evaluate/scenarios';
import type { Scenario } from '../policy/evaluate/scenarios/helpers';
import { simulate } from './simulation';
import type { SimContextEntry, SimPolicies, SimPolicy, SimResult } from './simulation';

/** Where the app's evaluator made a choice the documentation leaves open, and the sandbox another. */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  'elements-resource-within-part':
    'the app chooses that a wildcard does not span ARN parts; the sandbox matches the whole ARN as one string',
  'elements-action-and-notaction':
    'a statement with both Action and NotAction never reaches evaluation in IAM (MalformedPolicyDocument); the sandbox reads Action',
  'null-009': 'NullIfExists is refused by IAM when a policy is stored; the sandbox reads it as Null',
  'variables-numeric-no-variables':
    'the app resolves variables in String and ARN operators only (a choice); the sandbox in every operator',
};

const DECISIONS: Readonly<Record<SimResult['decision'], Scenario['expect']>> = {
  allowed: 'allowed',
  explicitDeny: 'explicit-deny',
  implicitDeny: 'implicit-deny',
};

const CALLER = /^arn:aws[a-z-]*:iam::\d{12}:(user|group|role)\//;

/** Why the sandbox cannot take the scenario, or undefined. */
function outOfModel(s: Scenario): string | undefined {
  if (s.input.sessionPolicy) return 'a session policy';
  if (!CALLER.test(s.input.request.principal.arn)) return 'a caller that is not an IAM user, group or role';
  return undefined;
}

function sandboxDecision(s: Scenario): Scenario['expect'] {
  const input = s.input;
  const policy = (name: string, document: unknown): SimPolicy => ({ id: name, type: 'none', document });
  const policies: SimPolicies = {
    identity: (input.identityPolicies ?? []).map((p) => policy(p.name, p.document)),
    boundaries: input.boundary ? [policy(input.boundary.name, input.boundary.document)] : [],
    scpLevels: (input.scps ?? []).map((level) => level.map((p) => policy(p.name, p.document))),
    ...(input.resourcePolicy ? { resourcePolicy: policy(input.resourcePolicy.name, input.resourcePolicy.document) } : {}),
  };
  const context = new Map<string, SimContextEntry>(
    Object.entries(input.request.context ?? {}).map(([key, value]) => [
      key.toLowerCase(),
      typeof value === 'string' ? { type: 'string', values: [value] } : { type: 'stringList', values: [...value] },
    ]),
  );
  const stated = input.request.context?.['aws:ResourceAccount'];
  const owner = input.request.resourceAccount ?? (typeof stated === 'string' ? stated : undefined);
  const result = simulate(policies, {
    action: input.request.action,
    resource: input.request.resource,
    callerArn: input.request.principal.arn,
    context,
    ...(owner !== undefined ? { resourceOwnerAccount: owner } : {}),
  });
  return DECISIONS[result.decision];
}

describe('the sandbox evaluator against the conformance scenarios', () => {
  const inModel = SCENARIOS.filter((s) => outOfModel(s) === undefined);

  it('takes most scenarios (the rest need session policies or role sessions)', () => {
    expect(inModel.length).toBeGreaterThan(350);
  });

  it.each(inModel.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
    const decision = sandboxDecision(scenario);
    if (Object.hasOwn(KNOWN_DIFFERENCES, id)) {
      // a listed difference that has gone away should be removed from the list
      expect(decision, `${id} now agrees: remove it from KNOWN_DIFFERENCES`).not.toBe(scenario.expect);
      return;
    }
    expect(decision, scenario.rule).toBe(scenario.expect);
  });
});
