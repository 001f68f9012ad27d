/**
 * The simulateCustomPolicy operation's parts: its input schema (held to the contract by
 * contract.ts), the SimulateCustomPolicy request the gateway sends, and IAM's EvaluationResults
 * read back as the contract's plain results.
 */
import type { EvaluationResult, SimulateCustomPolicyCommandInput } from '@aws-sdk/client-iam';
import { z } from 'zod';
import type {
  SimulateCustomPolicyInput,
  SimulationContextType,
  SimulationDecision,
  SimulationResultInfo,
} from '../api/contract';
import { DOCUMENT_MAX } from '../policy/iamLimits';
import { ApiError } from './apiError';

/** How much one simulateCustomPolicy call takes (each action is evaluated on each resource). */
export const SIMULATION_MAX = {
  policies: 20,
  scpLevels: 5,
  scpsPerLevel: 5,
  actions: 1000,
  resources: 20,
  contextEntries: 100,
  values: 100,
} as const;

export const SIMULATION_CONTEXT_TYPES = [
  'string',
  'stringList',
  'numeric',
  'numericList',
  'boolean',
  'booleanList',
  'ip',
  'ipList',
  'binary',
  'binaryList',
  'date',
  'dateList',
] as const satisfies readonly SimulationContextType[];

/** An action name IAM's simulator takes: "service:Action", no wildcards. */
export const SIMULATION_ACTION_RE = /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/;
/** A caller IAM's simulator takes: an IAM user, group or role (not a role session, federated user or service). */
export const SIMULATION_CALLER_RE = /^arn:aws[a-z-]*:iam::\d{12}:(user|group|role)\/[\x21-\x7E]+$/;

const document = z.string().min(1).max(DOCUMENT_MAX);

export const simulateCustomPolicySchema = z
  .object({
    policies: z.array(document).max(SIMULATION_MAX.policies),
    boundary: document.optional(),
    scps: z.array(z.array(document).min(1).max(SIMULATION_MAX.scpsPerLevel)).max(SIMULATION_MAX.scpLevels).optional(),
    resourcePolicy: document.optional(),
    actions: z
      .array(z.string().regex(SIMULATION_ACTION_RE, 'expected an action name such as "s3:GetObject" (IAM\'s simulator takes no wildcards)'))
      .min(1)
      .max(SIMULATION_MAX.actions),
    resources: z
      .array(z.string().min(1).max(2048).regex(/^(\*|arn:.+)$/, 'expected an ARN or "*"'))
      .min(1)
      .max(SIMULATION_MAX.resources)
      .optional(),
    callerArn: z
      .string()
      .max(2048)
      .regex(SIMULATION_CALLER_RE, 'IAM\'s simulator takes an IAM user, group or role ARN as the caller')
      .optional(),
    resourceOwner: z.string().regex(/^\d{12}$/, 'expected a 12-digit account ID').optional(),
    context: z
      .array(
        z
          .object({
            key: z.string().min(1).max(256).regex(/^[\x21-\x7E]+$/, 'a condition key has no spaces'),
            type: z.enum(SIMULATION_CONTEXT_TYPES),
            values: z.array(z.string().max(1024)).max(SIMULATION_MAX.values),
          })
          .strict(),
      )
      .max(SIMULATION_MAX.contextEntries)
      .optional(),
  })
  .strict()
  .refine((input) => input.resourcePolicy === undefined || input.callerArn !== undefined, {
    message: 'a resource-based policy needs callerArn (the principal it is evaluated for)',
    path: ['callerArn'],
  });

/** The SDK's request for one page of the simulation. */
export function simulateCommandInput(input: SimulateCustomPolicyInput, marker?: string): SimulateCustomPolicyCommandInput {
  const partition = /^arn:([^:]+):/.exec(input.callerArn ?? '')?.[1] ?? 'aws';
  return {
    PolicyInputList: input.policies,
    ...(input.boundary !== undefined ? { PermissionsBoundaryPolicyInputList: [input.boundary] } : {}),
    ...(input.scps?.length
      ? { OrderedOrganizationPolicyInputList: input.scps.map((level) => ({ ServiceControlPolicyInputList: level })) }
      : {}),
    ...(input.resourcePolicy !== undefined ? { ResourcePolicy: input.resourcePolicy } : {}),
    ActionNames: input.actions,
    ...(input.resources ? { ResourceArns: input.resources } : {}),
    ...(input.callerArn !== undefined ? { CallerArn: input.callerArn } : {}),
    ...(input.resourceOwner !== undefined ? { ResourceOwner: `arn:${partition}:iam::${input.resourceOwner}:root` } : {}),
    ...(input.context?.length
      ? {
          ContextEntries: input.context.map((entry) => ({
            ContextKeyName: entry.key,
            ContextKeyType: entry.type,
            ContextKeyValues: entry.values,
          })),
        }
      : {}),
    MaxItems: 1000,
    ...(marker !== undefined ? { Marker: marker } : {}),
  };
}

const DECISIONS: Readonly<Record<string, SimulationDecision>> = {
  allowed: 'allowed',
  explicitdeny: 'explicit-deny',
  implicitdeny: 'implicit-deny',
};

function decisionOf(value: string | undefined, where: string): SimulationDecision {
  const decision = value === undefined ? undefined : DECISIONS[value.toLowerCase()];
  if (decision === undefined) {
    throw new ApiError(502, {
      code: 'IamError',
      message: `${where} answered SimulateCustomPolicy with a decision this app does not know (${value ?? 'none'}).`,
      hint: 'Retry; if it keeps happening, the simulator has changed: compare in the IAM console instead.',
    });
  }
  return decision;
}

/**
 * IAM's EvaluationResults as one result per action and resource: a result with
 * ResourceSpecificResults (IAM's answer for several resources at once) gives one per resource.
 */
export function simulationResults(results: readonly EvaluationResult[], where: string): SimulationResultInfo[] {
  const out: SimulationResultInfo[] = [];
  for (const r of results) {
    const action = r.EvalActionName ?? '';
    const perResource = r.ResourceSpecificResults ?? [];
    if (perResource.length > 0) {
      for (const s of perResource) {
        out.push({
          action,
          resource: s.EvalResourceName ?? '*',
          decision: decisionOf(s.EvalResourceDecision, where),
          matched: (s.MatchedStatements ?? []).map((m) => ({
            policyId: m.SourcePolicyId ?? '',
            ...(m.SourcePolicyType ? { policyType: m.SourcePolicyType } : {}),
          })),
          missingContextValues: s.MissingContextValues ?? [],
          ...(s.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary !== undefined
            ? { allowedByBoundary: s.PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary }
            : {}),
          ...(r.OrganizationsDecisionDetail?.AllowedByOrganizations !== undefined
            ? { allowedByOrganizations: r.OrganizationsDecisionDetail.AllowedByOrganizations }
            : {}),
        });
      }
      continue;
    }
    out.push({
      action,
      resource: r.EvalResourceName ?? '*',
      decision: decisionOf(r.EvalDecision, where),
      matched: (r.MatchedStatements ?? []).map((m) => ({
        policyId: m.SourcePolicyId ?? '',
        ...(m.SourcePolicyType ? { policyType: m.SourcePolicyType } : {}),
      })),
      missingContextValues: r.MissingContextValues ?? [],
      ...(r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary !== undefined
        ? { allowedByBoundary: r.PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary }
        : {}),
      ...(r.OrganizationsDecisionDetail?.AllowedByOrganizations !== undefined
        ? { allowedByOrganizations: r.OrganizationsDecisionDetail.AllowedByOrganizations }
        : {}),
    });
  }
  return out;
}
