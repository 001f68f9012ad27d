/**
 * SimulateCustomPolicy on the wire: reads the Query parameters as the AWS SDK writes them
 * (PolicyInputList.member.N, ContextEntries.member.N.ContextKeyValues.member.M, ...), checks them
 * as IAM documents them, evaluates every action on every resource with the sandbox's own
 * evaluator (simulation.ts) and answers IAM's EvaluationResults, paged with Marker/MaxItems.
 */
import { IamError, missingParameter, validationError } from './errors';
import { checkDocument, isDocumentText } from './documents';
import type { Operation, Params, XmlRecord } from './operations';
import { checkMaxItems } from './rules';
import { CONTEXT_KEY_TYPES, badContextValue, simulate } from './simulation';
import type { ContextKeyType, SimContextEntry, SimPolicy, SimResult } from './simulation';

/** The items of a list parameter (Name.member.1, .2, ...); [] for an empty list; undefined when absent. */
function list(params: Params, name: string): string[] | undefined {
  const items: string[] = [];
  for (let i = 1; ; i++) {
    const value = params.string(`${name}.member.${i}`);
    if (value === undefined) break;
    items.push(value);
  }
  if (items.length > 0) return items;
  return params.string(name) !== undefined ? [] : undefined;
}

/** How many structures a list of structures has (Name.member.N.Field for some Field). */
function structureCount(params: Params, name: string, fields: readonly string[]): number {
  let n = 0;
  while (fields.some((f) => params.string(`${name}.member.${n + 1}.${f}`) !== undefined || list(params, `${name}.member.${n + 1}.${f}`) !== undefined)) n++;
  return n;
}

const ACCOUNT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;
const CALLER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(user|group|role)\/[\x21-\x7E]+$/;

function parsePolicy(text: string, field: string, kind: 'identity' | 'resource', id: string, type: string): SimPolicy {
  if (text.length === 0 || !isDocumentText(text)) {
    throw validationError(field, text.slice(0, 60), 'Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+');
  }
  if (kind === 'identity') {
    const rejection = checkDocument(text, 'inline', {}, field);
    if (rejection) throw rejection.error;
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new IamError('MalformedPolicyDocument', 'Syntax errors in policy.');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document) || !('Statement' in document)) {
    throw new IamError('MalformedPolicyDocument', 'Syntax errors in policy.');
  }
  return { id, type, document };
}

function readContext(params: Params): Map<string, SimContextEntry> {
  const context = new Map<string, SimContextEntry>();
  const count = structureCount(params, 'ContextEntries', ['ContextKeyName', 'ContextKeyType', 'ContextKeyValues']);
  for (let i = 1; i <= count; i++) {
    const base = `ContextEntries.member.${i}`;
    const name = params.string(`${base}.ContextKeyName`);
    const type = params.string(`${base}.ContextKeyType`);
    const values = list(params, `${base}.ContextKeyValues`) ?? [];
    if (name === undefined || name === '') throw missingParameter(`contextEntries.${i}.member.contextKeyName`);
    if (type === undefined || !(CONTEXT_KEY_TYPES as readonly string[]).includes(type)) {
      throw validationError(
        `contextEntries.${i}.member.contextKeyType`,
        type ?? 'null',
        `Member must satisfy enum value set: [${CONTEXT_KEY_TYPES.join(', ')}]`,
      );
    }
    const bad = badContextValue(type as ContextKeyType, values);
    if (bad !== undefined) throw new IamError('InvalidInput', `Invalid value ${bad} for context key ${name} of type ${type}.`);
    if (!type.endsWith('List') && values.length > 1) {
      throw new IamError('InvalidInput', `Context key ${name} of type ${type} takes one value; use ${type}List for several.`);
    }
    context.set(name.toLowerCase(), { type: type as ContextKeyType, values });
  }
  return context;
}

function resultXml(action: string, resource: string, result: SimResult): XmlRecord {
  return {
    EvalActionName: action,
    EvalResourceName: resource,
    EvalDecision: result.decision,
    MatchedStatements: result.matched.map((m) => ({ SourcePolicyId: m.policyId, SourcePolicyType: m.policyType })),
    MissingContextValues: [...result.missingContextValues],
    OrganizationsDecisionDetail:
      result.allowedByOrganizations === undefined ? undefined : { AllowedByOrganizations: result.allowedByOrganizations },
    PermissionsBoundaryDecisionDetail:
      result.allowedByBoundary === undefined ? undefined : { AllowedByPermissionsBoundary: result.allowedByBoundary },
  };
}

export const simulateCustomPolicy: Operation = ({ state, params }) => {
  state.authorize('iam:SimulateCustomPolicy', '*');
  const policyTexts = list(params, 'PolicyInputList');
  if (policyTexts === undefined) throw missingParameter('policyInputList');
  const actions = list(params, 'ActionNames');
  if (actions === undefined || actions.length === 0) throw missingParameter('actionNames');
  for (const action of actions) {
    if (action.includes('*') || action.includes('?')) {
      throw new IamError('InvalidInput', `Action ${action} is not valid: the simulator does not take wildcards in action names.`);
    }
    if (!/^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(action)) throw new IamError('InvalidInput', `Action ${action} is not valid.`);
  }
  const resources = list(params, 'ResourceArns') ?? ['*'];
  for (const resource of resources) {
    if (resource !== '*' && !resource.startsWith('arn:')) throw new IamError('InvalidInput', `Resource ${resource} must be in ARN format or "*".`);
  }

  const identity = policyTexts.map((t, i) => parsePolicy(t, 'policyInputList', 'identity', `PolicyInputList.${i + 1}`, 'none'));
  const boundaries = (list(params, 'PermissionsBoundaryPolicyInputList') ?? []).map((t, i) =>
    parsePolicy(t, 'permissionsBoundaryPolicyInputList', 'identity', `PermissionsBoundaryPolicyInputList.${i + 1}`, 'none'),
  );
  if (boundaries.length > 1) throw new IamError('InvalidInput', 'You can input only one permissions boundary.');
  const levels = structureCount(params, 'OrderedOrganizationPolicyInputList', ['ServiceControlPolicyInputList']);
  const scpLevels = Array.from({ length: levels }, (_, l) =>
    (list(params, `OrderedOrganizationPolicyInputList.member.${l + 1}.ServiceControlPolicyInputList`) ?? []).map((t, i) =>
      parsePolicy(t, 'serviceControlPolicyInputList', 'identity', `OrderedOrganizationPolicyInputList.${l + 1}.${i + 1}`, 'none'),
    ),
  );
  const resourcePolicyText = params.string('ResourcePolicy');
  const resourcePolicy =
    resourcePolicyText === undefined ? undefined : parsePolicy(resourcePolicyText, 'resourcePolicy', 'resource', 'ResourcePolicy', 'resource');

  const callerArn = params.string('CallerArn');
  if (callerArn !== undefined && !CALLER_ARN.test(callerArn)) {
    throw new IamError('InvalidInput', `Invalid CallerArn ${callerArn}: give the ARN of an IAM user, group or role (not an assumed role, federated user or service).`);
  }
  if (resourcePolicy && callerArn === undefined) {
    throw new IamError('InvalidInput', 'CallerArn is required when a ResourcePolicy is given.');
  }
  const owner = params.string('ResourceOwner');
  const ownerAccount = owner === undefined ? undefined : ACCOUNT_ARN.exec(owner)?.[1];
  if (owner !== undefined && ownerAccount === undefined) {
    throw new IamError('InvalidInput', `Invalid ResourceOwner ${owner}: expected arn:aws:iam::ACCOUNT-ID:root.`);
  }
  const context = readContext(params);

  const all: XmlRecord[] = [];
  for (const action of actions) {
    for (const resource of resources) {
      const result = simulate(
        { identity, boundaries, scpLevels, ...(resourcePolicy ? { resourcePolicy } : {}) },
        {
          action,
          resource,
          context,
          ...(callerArn !== undefined ? { callerArn } : {}),
          ...(ownerAccount !== undefined ? { resourceOwnerAccount: ownerAccount } : {}),
        },
      );
      all.push(resultXml(action, resource, result));
    }
  }

  // Marker/MaxItems: the marker is opaque (an offset)
  const maxItems = checkMaxItems(params.int('MaxItems'));
  const marker = params.string('Marker');
  let start = 0;
  if (marker !== undefined) {
    const decoded = /^s:(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'));
    if (!decoded) throw validationError('marker', marker, 'Member must be a marker from a previous response');
    start = Number(decoded[1]);
  }
  const page = all.slice(start, start + maxItems);
  const next = start + page.length;
  const truncated = next < all.length;
  return {
    EvaluationResults: page,
    IsTruncated: truncated,
    Marker: truncated ? Buffer.from(`s:${next}`).toString('base64url') : undefined,
  };
};

/** The simulation operations, beside IAM_OPERATIONS. */
export const SIMULATION_OPERATIONS: Readonly<Record<string, Operation>> = {
  SimulateCustomPolicy: simulateCustomPolicy,
};
