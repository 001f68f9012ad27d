/**
 * The IAM and STS actions the sandbox answers: each reads its Query parameters, calls the state,
 * and returns the <XxxResult> content with IAM's element names (undefined: no Result element).
 */
import { IamError, missingParameter, validationError } from './errors';
import { checkMaxItems, checkPathPrefix } from './rules';
import type { Tag } from './rules';
import type {
  PolicyRecord,
  PolicyVersionRecord,
  PrincipalKind,
  PrincipalRecord,
  RoleRecord,
  SandboxState,
} from './state';
import { SANDBOX_CALLER_ARN, SANDBOX_CALLER_NAME, SANDBOX_CALLER_USER_ID } from './state';
import type { XmlValue } from './xml';

export type XmlRecord = { readonly [element: string]: XmlValue };

export interface OperationContext {
  readonly state: SandboxState;
  readonly params: Params;
}

export type Operation = (context: OperationContext) => XmlRecord | undefined | Promise<XmlRecord | undefined>;

/** The form parameters of one request. */
export class Params {
  constructor(private readonly form: URLSearchParams) {}

  string(name: string): string | undefined {
    const value = this.form.get(name);
    return value === null ? undefined : value;
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw missingParameter(camel(name));
    return value;
  }

  int(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw validationError(camel(name), value, 'Member must be an integer');
    return Number(value);
  }

  bool(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const lower = value.toLowerCase();
    if (lower !== 'true' && lower !== 'false')
      throw validationError(camel(name), value, 'Member must be a boolean');
    return lower === 'true';
  }

  /** Tags.member.N.Key / Tags.member.N.Value, in N order. */
  tags(): { key?: string; value?: string }[] {
    const byIndex = new Map<number, { key?: string; value?: string }>();
    for (const [name, value] of this.form) {
      const match = /^Tags\.member\.(\d+)\.(Key|Value)$/.exec(name);
      if (!match) continue;
      const index = Number(match[1]);
      const tag = byIndex.get(index) ?? {};
      if (match[2] === 'Key') tag.key = value;
      else tag.value = value;
      byIndex.set(index, tag);
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, tag]) => tag);
  }
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Documents travel URL-encoded in IAM's responses (RFC 3986); clients decode them once. */
export function encodeDocument(text: string): string {
  return encodeURIComponent(text);
}

function tagsXml(tags: readonly Tag[]): XmlValue {
  return tags.length === 0 ? undefined : tags.map((t) => ({ Key: t.key, Value: t.value }));
}

function policyXml(state: SandboxState, p: PolicyRecord, full: boolean): XmlRecord {
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersionId,
    AttachmentCount: state.attachmentCount(p),
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: p.attachable,
    Description: full ? p.description : undefined,
    CreateDate: p.createDate,
    UpdateDate: p.updateDate,
    Tags: full ? tagsXml(p.tags) : undefined,
  };
}

function versionXml(policy: PolicyRecord, v: PolicyVersionRecord, withDocument: boolean): XmlRecord {
  return {
    Document: withDocument && v.document !== undefined ? encodeDocument(v.document) : undefined,
    VersionId: v.versionId,
    IsDefaultVersion: policy.defaultVersionId === v.versionId,
    CreateDate: v.createDate,
  };
}

function userXml(u: PrincipalRecord, full: boolean): XmlRecord {
  return {
    Path: u.path,
    UserName: u.name,
    UserId: u.id,
    Arn: u.arn,
    CreateDate: u.createDate,
    Tags: full ? tagsXml(u.tags) : undefined,
  };
}

function groupXml(g: PrincipalRecord): XmlRecord {
  return { Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn, CreateDate: g.createDate };
}

function roleXml(r: RoleRecord, full: boolean): XmlRecord {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.id,
    Arn: r.arn,
    CreateDate: r.createDate,
    AssumeRolePolicyDocument: encodeDocument(r.assumeRolePolicyDocument),
    Description: r.description,
    MaxSessionDuration: r.maxSessionDuration,
    Tags: full ? tagsXml(r.tags) : undefined,
    RoleLastUsed: full ? {} : undefined,
  };
}

/** Marker/MaxItems pagination: the marker is opaque (an offset). */
function paginate<T>(items: readonly T[], params: Params): { page: T[]; truncation: XmlRecord } {
  const maxItems = checkMaxItems(params.int('MaxItems'));
  const marker = params.string('Marker');
  let start = 0;
  if (marker !== undefined) {
    const decoded = /^o:(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'));
    if (!decoded) throw validationError('marker', marker, 'Member must be a marker from a previous response');
    start = Number(decoded[1]);
  }
  const page = items.slice(start, start + maxItems);
  const next = start + page.length;
  const truncated = next < items.length;
  return {
    page,
    truncation: {
      IsTruncated: truncated,
      Marker: truncated ? Buffer.from(`o:${next}`).toString('base64url') : undefined,
    },
  };
}

function authorize(state: SandboxState, action: string, arn: string, ...names: string[]): void {
  state.authorize(`iam:${action}`, arn, names);
}

function principalArnGuess(state: SandboxState, kind: PrincipalKind, name: string | undefined): string {
  return `arn:aws:iam::${state.accountId}:${kind}/${name ?? ''}`;
}

function attachOp(kind: PrincipalKind, action: string): Operation {
  const field = kind === 'user' ? 'UserName' : kind === 'group' ? 'GroupName' : 'RoleName';
  return ({ state, params }) => {
    const name = params.string(field);
    const arn = params.string('PolicyArn');
    authorize(state, action, principalArnGuess(state, kind, name), name ?? '');
    state.attach(kind, name, arn);
    return undefined;
  };
}

function detachOp(kind: PrincipalKind, action: string): Operation {
  const field = kind === 'user' ? 'UserName' : kind === 'group' ? 'GroupName' : 'RoleName';
  return ({ state, params }) => {
    const name = params.string(field);
    authorize(state, action, principalArnGuess(state, kind, name), name ?? '');
    state.detach(kind, name, params.string('PolicyArn'));
    return undefined;
  };
}

function listAttachedOp(kind: PrincipalKind, action: string): Operation {
  const field = kind === 'user' ? 'UserName' : kind === 'group' ? 'GroupName' : 'RoleName';
  return ({ state, params }) => {
    const name = params.string(field);
    authorize(state, action, principalArnGuess(state, kind, name), name ?? '');
    const policies = state.attachedPolicies(kind, name, checkPathPrefix(params.string('PathPrefix')));
    const { page, truncation } = paginate(policies, params);
    return { AttachedPolicies: page.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })), ...truncation };
  };
}

const PRINCIPAL_FIELD: Readonly<Record<PrincipalKind, string>> = {
  user: 'UserName',
  group: 'GroupName',
  role: 'RoleName',
};

function putInlineOp(kind: PrincipalKind, action: string): Operation {
  const field = PRINCIPAL_FIELD[kind];
  return ({ state, params }) => {
    const name = params.string(field);
    authorize(state, action, principalArnGuess(state, kind, name), name ?? '');
    state.putInlinePolicy(kind, name, params.string('PolicyName'), params.string('PolicyDocument'));
    return undefined;
  };
}

function getInlineOp(kind: PrincipalKind, action: string): Operation {
  const field = PRINCIPAL_FIELD[kind];
  return ({ state, params }) => {
    const name = params.string(field);
    authorize(state, action, principalArnGuess(state, kind, name), name ?? '');
    const found = state.getInlinePolicy(kind, name, params.string('PolicyName'));
    return {
      [field]: found.principal.name,
      PolicyName: found.name,
      PolicyDocument: encodeDocument(found.document),
    };
  };
}

function deleteInlineOp(kind: PrincipalKind, action: string): Operation {
  const field = PRINCIPAL_FIELD[kind];
  return ({ state, params }) => {
    const name = params.string(field);
    authorize(state, action, principalArnGuess(state, kind, name), name ?? '');
    state.deleteInlinePolicy(kind, name, params.string('PolicyName'));
    return undefined;
  };
}

function listInlineOp(kind: PrincipalKind, action: string): Operation {
  const field = PRINCIPAL_FIELD[kind];
  return ({ state, params }) => {
    const name = params.string(field);
    authorize(state, action, principalArnGuess(state, kind, name), name ?? '');
    const { page, truncation } = paginate(state.listInlinePolicies(kind, name), params);
    return { PolicyNames: page, ...truncation };
  };
}

export const IAM_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreatePolicy: ({ state, params }) => {
    const name = params.string('PolicyName');
    authorize(state, 'CreatePolicy', `arn:aws:iam::${state.accountId}:policy/${name ?? ''}`, name ?? '');
    const policy = state.createPolicy({
      name,
      path: params.string('Path'),
      document: params.string('PolicyDocument'),
      description: params.string('Description'),
      tags: params.tags(),
    });
    return { Policy: policyXml(state, policy, true) };
  },
  GetPolicy: ({ state, params }) => {
    const arn = params.string('PolicyArn');
    authorize(state, 'GetPolicy', arn ?? '');
    return { Policy: policyXml(state, state.getPolicy(arn), true) };
  },
  GetPolicyVersion: async ({ state, params }) => {
    const arn = params.string('PolicyArn');
    authorize(state, 'GetPolicyVersion', arn ?? '');
    const version = await state.getPolicyVersion(arn, params.string('VersionId'));
    return { PolicyVersion: versionXml(state.getPolicy(arn), version, true) };
  },
  ListPolicies: ({ state, params }) => {
    authorize(state, 'ListPolicies', '*');
    const scope = params.string('Scope') ?? 'All';
    if (scope !== 'All' && scope !== 'AWS' && scope !== 'Local') {
      throw validationError('scope', scope, 'Member must satisfy enum value set: [All, AWS, Local]');
    }
    const policies = state.listPolicies(
      scope,
      params.bool('OnlyAttached') ?? false,
      checkPathPrefix(params.string('PathPrefix')),
    );
    const { page, truncation } = paginate(policies, params);
    return { Policies: page.map((p) => policyXml(state, p, false)), ...truncation };
  },
  ListPolicyVersions: ({ state, params }) => {
    const arn = params.string('PolicyArn');
    authorize(state, 'ListPolicyVersions', arn ?? '');
    const policy = state.getPolicy(arn);
    const newestFirst = [...policy.versions].reverse();
    const { page, truncation } = paginate(newestFirst, params);
    return { Versions: page.map((v) => versionXml(policy, v, false)), ...truncation };
  },
  CreatePolicyVersion: ({ state, params }) => {
    const arn = params.string('PolicyArn');
    authorize(state, 'CreatePolicyVersion', arn ?? '');
    const version = state.createPolicyVersion(
      arn,
      params.string('PolicyDocument'),
      params.bool('SetAsDefault') ?? false,
    );
    return { PolicyVersion: versionXml(state.getPolicy(arn), version, false) };
  },
  DeletePolicyVersion: ({ state, params }) => {
    const arn = params.string('PolicyArn');
    authorize(state, 'DeletePolicyVersion', arn ?? '');
    state.deletePolicyVersion(arn, params.string('VersionId'));
    return undefined;
  },
  SetDefaultPolicyVersion: ({ state, params }) => {
    const arn = params.string('PolicyArn');
    authorize(state, 'SetDefaultPolicyVersion', arn ?? '');
    state.setDefaultPolicyVersion(arn, params.string('VersionId'));
    return undefined;
  },
  DeletePolicy: ({ state, params }) => {
    const arn = params.string('PolicyArn');
    authorize(state, 'DeletePolicy', arn ?? '');
    state.deletePolicy(arn);
    return undefined;
  },

  ListPolicyTags: ({ state, params }) => {
    const arn = params.string('PolicyArn');
    authorize(state, 'ListPolicyTags', arn ?? '');
    const { page, truncation } = paginate(state.getPolicy(arn).tags, params);
    return { Tags: page.map((t) => ({ Key: t.key, Value: t.value })), ...truncation };
  },
  TagPolicy: ({ state, params }) => {
    const arn = params.string('PolicyArn');
    authorize(state, 'TagPolicy', arn ?? '');
    state.tagPolicy(arn, params.tags());
    return undefined;
  },
  ListEntitiesForPolicy: ({ state, params }) => {
    const arn = params.string('PolicyArn');
    authorize(state, 'ListEntitiesForPolicy', arn ?? '');
    const filter = params.string('EntityFilter');
    if (filter !== undefined && !['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'].includes(filter)) {
      throw validationError('entityFilter', filter, 'Member must satisfy enum value set: [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]');
    }
    const prefix = checkPathPrefix(params.string('PathPrefix'));
    const { users, groups, roles } = state.entitiesForPolicy(arn);
    const pick = <T extends { path: string }>(kind: string, list: T[]): T[] =>
      (filter === undefined || filter === kind ? list : []).filter((p) => p.path.startsWith(prefix));
    // One page over the three lists (IAM pages them together).
    const all = [
      ...pick('User', users).map((u) => ({ kind: 'user' as const, record: u })),
      ...pick('Group', groups).map((g) => ({ kind: 'group' as const, record: g })),
      ...pick('Role', roles).map((r) => ({ kind: 'role' as const, record: r })),
    ];
    const { page, truncation } = paginate(all, params);
    const of = (kind: 'user' | 'group' | 'role', field: string, idField: string) =>
      page.filter((e) => e.kind === kind).map((e) => ({ [field]: e.record.name, [idField]: e.record.id }));
    return {
      PolicyUsers: of('user', 'UserName', 'UserId'),
      PolicyGroups: of('group', 'GroupName', 'GroupId'),
      PolicyRoles: of('role', 'RoleName', 'RoleId'),
      ...truncation,
    };
  },

  ListUsers: ({ state, params }) => {
    authorize(state, 'ListUsers', '*');
    const { page, truncation } = paginate(
      state.list('user', checkPathPrefix(params.string('PathPrefix'))),
      params,
    );
    return { Users: page.map((u) => userXml(u, false)), ...truncation };
  },
  ListGroups: ({ state, params }) => {
    authorize(state, 'ListGroups', '*');
    const { page, truncation } = paginate(
      state.list('group', checkPathPrefix(params.string('PathPrefix'))),
      params,
    );
    return { Groups: page.map(groupXml), ...truncation };
  },
  ListRoles: ({ state, params }) => {
    authorize(state, 'ListRoles', '*');
    const { page, truncation } = paginate(
      state.list('role', checkPathPrefix(params.string('PathPrefix'))),
      params,
    );
    return { Roles: page.map((r) => roleXml(r as RoleRecord, false)), ...truncation };
  },
  CreateUser: ({ state, params }) => {
    const name = params.string('UserName');
    authorize(state, 'CreateUser', principalArnGuess(state, 'user', name), name ?? '');
    const user = state.createUser({ name, path: params.string('Path'), tags: params.tags() });
    return { User: userXml(user, true) };
  },
  CreateGroup: ({ state, params }) => {
    const name = params.string('GroupName');
    authorize(state, 'CreateGroup', principalArnGuess(state, 'group', name), name ?? '');
    return { Group: groupXml(state.createGroup({ name, path: params.string('Path') })) };
  },
  AddUserToGroup: ({ state, params }) => {
    const name = params.string('GroupName');
    authorize(state, 'AddUserToGroup', principalArnGuess(state, 'group', name), name ?? '');
    state.addUserToGroup(name, params.string('UserName'));
    return undefined;
  },
  CreateRole: ({ state, params }) => {
    const name = params.string('RoleName');
    authorize(state, 'CreateRole', principalArnGuess(state, 'role', name), name ?? '');
    const role = state.createRole({
      name,
      path: params.string('Path'),
      assumeRolePolicyDocument: params.string('AssumeRolePolicyDocument'),
      description: params.string('Description'),
      maxSessionDuration: params.int('MaxSessionDuration'),
      tags: params.tags(),
    });
    return { Role: roleXml(role, true) };
  },
  GetRole: ({ state, params }) => {
    const name = params.string('RoleName');
    authorize(state, 'GetRole', principalArnGuess(state, 'role', name), name ?? '');
    return { Role: roleXml(state.getRole(name), true) };
  },
  DeleteRole: ({ state, params }) => {
    const name = params.string('RoleName');
    authorize(state, 'DeleteRole', principalArnGuess(state, 'role', name), name ?? '');
    state.deleteRole(name);
    return undefined;
  },
  GetUser: ({ state, params }) => {
    const name = params.string('UserName') ?? SANDBOX_CALLER_NAME;
    authorize(state, 'GetUser', principalArnGuess(state, 'user', name), name);
    return { User: userXml(state.getUser(name), true) };
  },
  GetGroup: ({ state, params }) => {
    const name = params.string('GroupName');
    authorize(state, 'GetGroup', principalArnGuess(state, 'group', name), name ?? '');
    const group = state.getGroup(name);
    const { page, truncation } = paginate(state.groupMembers(group), params);
    return { Group: groupXml(group), Users: page.map((u) => userXml(u, false)), ...truncation };
  },

  AttachUserPolicy: attachOp('user', 'AttachUserPolicy'),
  AttachGroupPolicy: attachOp('group', 'AttachGroupPolicy'),
  AttachRolePolicy: attachOp('role', 'AttachRolePolicy'),
  DetachUserPolicy: detachOp('user', 'DetachUserPolicy'),
  DetachGroupPolicy: detachOp('group', 'DetachGroupPolicy'),
  DetachRolePolicy: detachOp('role', 'DetachRolePolicy'),
  ListAttachedUserPolicies: listAttachedOp('user', 'ListAttachedUserPolicies'),
  ListAttachedGroupPolicies: listAttachedOp('group', 'ListAttachedGroupPolicies'),
  ListAttachedRolePolicies: listAttachedOp('role', 'ListAttachedRolePolicies'),

  PutUserPolicy: putInlineOp('user', 'PutUserPolicy'),
  PutGroupPolicy: putInlineOp('group', 'PutGroupPolicy'),
  PutRolePolicy: putInlineOp('role', 'PutRolePolicy'),
  GetUserPolicy: getInlineOp('user', 'GetUserPolicy'),
  GetGroupPolicy: getInlineOp('group', 'GetGroupPolicy'),
  GetRolePolicy: getInlineOp('role', 'GetRolePolicy'),
  DeleteUserPolicy: deleteInlineOp('user', 'DeleteUserPolicy'),
  DeleteGroupPolicy: deleteInlineOp('group', 'DeleteGroupPolicy'),
  DeleteRolePolicy: deleteInlineOp('role', 'DeleteRolePolicy'),
  ListUserPolicies: listInlineOp('user', 'ListUserPolicies'),
  ListGroupPolicies: listInlineOp('group', 'ListGroupPolicies'),
  ListRolePolicies: listInlineOp('role', 'ListRolePolicies'),
  UpdateAssumeRolePolicy: ({ state, params }) => {
    const name = params.string('RoleName');
    authorize(state, 'UpdateAssumeRolePolicy', principalArnGuess(state, 'role', name), name ?? '');
    state.updateAssumeRolePolicy(name, params.string('PolicyDocument'));
    return undefined;
  },
};

export const STS_OPERATIONS: Readonly<Record<string, Operation>> = {
  GetCallerIdentity: ({ state }) => ({
    Arn: SANDBOX_CALLER_ARN,
    UserId: SANDBOX_CALLER_USER_ID,
    Account: state.accountId,
  }),
};

export function unknownAction(action: string, version: string): IamError {
  return new IamError('InvalidAction', `Could not find operation ${action} for version ${version}`);
}
