/**
 * The sandbox account's IAM state, in memory: customer and AWS managed policies with their
 * versions, users, groups and roles, and which managed policies are attached to whom. Every
 * method enforces IAM's rules and throws IamError with IAM's code and message.
 *
 * Tests can also make the account refuse things: `deny` simulates a missing permission
 * (AccessDenied) and `failNext` makes the next calls of an action fail (throttling, expired
 * credentials, ...).
 */
import { randomBytes } from 'node:crypto';
import type { CatalogView } from '../catalog/catalog';
import type { ManagedPolicyEntry } from '../catalog/types';
import { INLINE_QUOTAS, checkDocument, grammarOptions } from './documents';
import type { DocumentKind } from './documents';
import { IamError } from './errors';
import type { IamErrorCode } from './errors';
import { emptyFaultStats } from './faults';
import type { FaultStats } from './faults';
import { iamPolicySize } from './grammar';
import type { GrammarOptions } from './grammar';
import {
  POLICY_ARN_RE,
  QUOTAS,
  checkDescription,
  checkMaxSessionDuration,
  checkName,
  checkPath,
  checkPolicyArn,
  checkTags,
  checkVersionId,
} from './rules';
import type { Tag } from './rules';

export const SANDBOX_ACCOUNT_ID = '123456789012';
export const SANDBOX_CALLER_NAME = 'sandbox-admin';
export const SANDBOX_CALLER_ARN = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/${SANDBOX_CALLER_NAME}`;
export const SANDBOX_CALLER_USER_ID = 'AIDASANDBOXADMIN12345';

export type PrincipalKind = 'user' | 'group' | 'role';

export interface PolicyVersionRecord {
  readonly versionId: string;
  /** the document exactly as sent (undefined for an AWS managed policy until first read) */
  document: string | undefined;
  readonly createDate: Date;
}

export interface PolicyRecord {
  readonly name: string;
  readonly id: string;
  readonly path: string;
  readonly arn: string;
  readonly description: string | undefined;
  /** replaced whole by TagPolicy */
  tags: readonly Tag[];
  readonly createDate: Date;
  updateDate: Date;
  defaultVersionId: string;
  /** oldest first */
  versions: PolicyVersionRecord[];
  nextVersion: number;
  readonly awsManaged: boolean;
  /** false for service-linked role policies (path /aws-service-role/) */
  readonly attachable: boolean;
}

interface EntityRecord {
  readonly name: string;
  readonly id: string;
  readonly path: string;
  readonly arn: string;
  readonly createDate: Date;
  readonly tags: readonly Tag[];
  /** ARNs of attached managed policies, in attach order */
  attached: string[];
  /** inline policies: name → document exactly as sent, in the order they were first put */
  readonly inline: Map<string, string>;
}

export interface UserRecord extends EntityRecord {
  readonly kind: 'user';
}

export interface GroupRecord extends EntityRecord {
  readonly kind: 'group';
  /** lower-cased user names */
  members: Set<string>;
}

export interface RoleRecord extends EntityRecord {
  readonly kind: 'role';
  assumeRolePolicyDocument: string;
  readonly description: string | undefined;
  readonly maxSessionDuration: number;
}

export type PrincipalRecord = UserRecord | GroupRecord | RoleRecord;

/** Where the AWS managed policies come from (the built catalog). */
export interface AwsManagedPolicySource {
  readonly entries: readonly ManagedPolicyEntry[];
  /** the current document as AWS publishes it (JSON text) */
  load(name: string): Promise<string>;
}

export interface Fault {
  /** an IAM or STS action, or "*" for any */
  readonly action: string;
  readonly code: IamErrorCode;
  readonly message: string;
  remaining: number;
}

interface Denial {
  readonly action: string;
  /** a name or ARN; undefined for every resource */
  readonly resource: string | undefined;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An IAM unique ID: a four-letter prefix (ANPA, AIDA, AGPA, AROA) and 17 characters. */
function uniqueId(prefix: string): string {
  const bytes = randomBytes(17);
  let id = prefix;
  for (const b of bytes) id += ID_CHARS[b % ID_CHARS.length];
  return id;
}

const KIND_NAME: Readonly<Record<PrincipalKind, string>> = { user: 'user', group: 'group', role: 'role' };
const QUOTA_NAME: Readonly<Record<PrincipalKind, string>> = {
  user: 'PoliciesPerUser',
  group: 'PoliciesPerGroup',
  role: 'PoliciesPerRole',
};

export class SandboxState {
  readonly accountId = SANDBOX_ACCOUNT_ID;
  /** every request's action, in order (for tests) */
  readonly requests: string[] = [];
  /** how many faults the fault plan injected, by kind (see faults.ts) */
  readonly faults: FaultStats = emptyFaultStats();

  /** by lower-cased ARN */
  private readonly policies = new Map<string, PolicyRecord>();
  private readonly users = new Map<string, UserRecord>();
  private readonly groups = new Map<string, GroupRecord>();
  private readonly roles = new Map<string, RoleRecord>();
  private readonly loaders = new Map<string, () => Promise<string>>();
  private denials: Denial[] = [];
  private scheduled: Fault[] = [];
  private grammar: GrammarOptions | undefined;

  constructor(
    readonly catalog: CatalogView,
    awsPolicies?: AwsManagedPolicySource,
  ) {
    if (awsPolicies) this.addAwsManagedPolicies(awsPolicies);
  }

  // ------------------------------------------------------------------------------------------
  // Test controls

  /** Refuses `action` (e.g. "iam:AttachRolePolicy") on `resource` (a name or ARN; all when omitted). */
  deny(action: string, resource?: string): void {
    this.denials.push({ action: action.toLowerCase(), resource: resource?.toLowerCase() });
  }

  /** Lifts every denial. */
  allowAll(): void {
    this.denials = [];
  }

  /** Makes the next `times` calls of `action` ("CreatePolicy", or "*") fail with `code`. */
  failNext(action: string, code: IamErrorCode, message: string, times = 1): void {
    this.scheduled.push({ action, code, message, remaining: times });
  }

  /** The injected fault for this call, if any (consumes one). */
  takeFault(action: string): IamError | undefined {
    const fault = this.scheduled.find((f) => f.remaining > 0 && (f.action === '*' || f.action === action));
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.scheduled = this.scheduled.filter((f) => f.remaining > 0);
    return new IamError(fault.code, fault.message);
  }

  /** Throws AccessDenied when a denial matches, with IAM's wording. */
  authorize(action: string, resourceArn: string, resourceNames: readonly string[] = []): void {
    const wanted = action.toLowerCase();
    const names = [resourceArn, ...resourceNames].map((n) => n.toLowerCase());
    const denied = this.denials.some(
      (d) =>
        (d.action === wanted || d.action === '*') && (d.resource === undefined || names.includes(d.resource)),
    );
    if (denied) {
      throw new IamError(
        'AccessDenied',
        `User: ${SANDBOX_CALLER_ARN} is not authorized to perform: ${action} on resource: ${resourceArn} because no identity-based policy allows the ${action} action`,
      );
    }
  }

  // ------------------------------------------------------------------------------------------
  // Managed policies

  private addAwsManagedPolicies(source: AwsManagedPolicySource): void {
    const created = new Date('2015-02-06T18:39:46Z');
    for (const entry of source.entries) {
      const match = POLICY_ARN_RE.exec(entry.arn);
      if (!match) continue;
      const path = match[2] ?? '/';
      const updated = new Date(entry.updated);
      const version: PolicyVersionRecord = {
        versionId: entry.version,
        document: undefined,
        createDate: updated,
      };
      const record: PolicyRecord = {
        name: entry.name,
        id: uniqueId('ANPA'),
        path,
        arn: entry.arn,
        description: undefined,
        tags: [],
        createDate: created,
        updateDate: updated,
        defaultVersionId: entry.version,
        versions: [version],
        nextVersion: Number(entry.version.slice(1)) + 1,
        awsManaged: true,
        attachable: !path.startsWith('/aws-service-role/'),
      };
      this.policies.set(entry.arn.toLowerCase(), record);
      this.loaders.set(entry.arn.toLowerCase(), () => source.load(entry.name));
    }
  }

  /** The document if IAM accepts it; else throws IAM's error (see documents.ts and grammar.ts). */
  checkDocument(text: string | undefined, kind: DocumentKind, field?: string): string {
    this.grammar ??= grammarOptions(this.catalog);
    const rejection = checkDocument(text, kind, this.grammar, field);
    if (rejection) throw rejection.error;
    return text ?? '';
  }

  createPolicy(input: {
    name: string | undefined;
    path?: string;
    document: string | undefined;
    description?: string;
    tags?: readonly { key?: string; value?: string }[];
  }): PolicyRecord {
    const name = checkName('policyName', input.name);
    const path = checkPath('path', input.path);
    const description = checkDescription(input.description);
    const tags = checkTags(input.tags ?? []);
    const document = this.checkDocument(input.document, 'managed');
    const lower = name.toLowerCase();
    for (const p of this.policies.values()) {
      if (!p.awsManaged && p.name.toLowerCase() === lower) {
        throw new IamError(
          'EntityAlreadyExists',
          `A policy called ${name} already exists. Duplicate names are not allowed.`,
        );
      }
    }
    const now = new Date();
    const arn = `arn:aws:iam::${this.accountId}:policy${path}${name}`;
    const record: PolicyRecord = {
      name,
      id: uniqueId('ANPA'),
      path,
      arn,
      description,
      tags,
      createDate: now,
      updateDate: now,
      defaultVersionId: 'v1',
      versions: [{ versionId: 'v1', document, createDate: now }],
      nextVersion: 2,
      awsManaged: false,
      attachable: true,
    };
    this.policies.set(arn.toLowerCase(), record);
    return record;
  }

  getPolicy(arn: string | undefined): PolicyRecord {
    const checked = checkPolicyArn(arn);
    const policy = this.policies.get(checked.toLowerCase());
    if (!policy) throw new IamError('NoSuchEntity', `Policy ${checked} was not found.`);
    return policy;
  }

  /** A version with its document loaded. */
  async getPolicyVersion(
    arn: string | undefined,
    versionId: string | undefined,
  ): Promise<PolicyVersionRecord> {
    const policy = this.getPolicy(arn);
    const id = checkVersionId(versionId);
    const version = policy.versions.find((v) => v.versionId === id);
    if (!version) {
      throw new IamError(
        'NoSuchEntity',
        `Policy ${policy.arn} version ${id} does not exist or is not attachable.`,
      );
    }
    if (version.document === undefined) {
      const load = this.loaders.get(policy.arn.toLowerCase());
      version.document = load ? await load() : '{}';
    }
    return version;
  }

  /** All policies in name order, filtered as ListPolicies filters. */
  listPolicies(scope: 'All' | 'AWS' | 'Local', onlyAttached: boolean, pathPrefix: string): PolicyRecord[] {
    const counts = this.attachmentCounts();
    return [...this.policies.values()]
      .filter((p) => (scope === 'All' ? true : scope === 'AWS' ? p.awsManaged : !p.awsManaged))
      .filter((p) => !onlyAttached || (counts.get(p.arn) ?? 0) > 0)
      .filter((p) => p.path.startsWith(pathPrefix))
      .sort((a, b) => compareNames(a.name, b.name) || a.arn.localeCompare(b.arn));
  }

  attachmentCount(policy: PolicyRecord): number {
    return this.attachmentCounts().get(policy.arn) ?? 0;
  }

  private attachmentCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const principal of this.allPrincipals()) {
      for (const arn of principal.attached) counts.set(arn, (counts.get(arn) ?? 0) + 1);
    }
    return counts;
  }

  private customerPolicy(arn: string | undefined, action: string): PolicyRecord {
    const policy = this.getPolicy(arn);
    if (policy.awsManaged) {
      throw new IamError(
        'AccessDenied',
        `User: ${SANDBOX_CALLER_ARN} is not authorized to perform: iam:${action} on resource: policy ${policy.arn} because AWS managed policies cannot be changed`,
      );
    }
    return policy;
  }

  createPolicyVersion(
    arn: string | undefined,
    document: string | undefined,
    setAsDefault: boolean,
  ): PolicyVersionRecord {
    const policy = this.customerPolicy(arn, 'CreatePolicyVersion');
    const text = this.checkDocument(document, 'managed');
    if (policy.versions.length >= QUOTAS.versionsPerPolicy) {
      throw new IamError(
        'LimitExceeded',
        `A managed policy can have up to ${QUOTAS.versionsPerPolicy} versions. Before you create a new version, you must delete an existing version.`,
      );
    }
    const now = new Date();
    const version: PolicyVersionRecord = {
      versionId: `v${policy.nextVersion}`,
      document: text,
      createDate: now,
    };
    policy.nextVersion += 1;
    policy.versions.push(version);
    if (setAsDefault) policy.defaultVersionId = version.versionId;
    policy.updateDate = now;
    return version;
  }

  deletePolicyVersion(arn: string | undefined, versionId: string | undefined): void {
    const policy = this.customerPolicy(arn, 'DeletePolicyVersion');
    const id = checkVersionId(versionId);
    if (!policy.versions.some((v) => v.versionId === id)) {
      throw new IamError('NoSuchEntity', `Policy ${policy.arn} version ${id} does not exist.`);
    }
    if (policy.defaultVersionId === id) {
      throw new IamError('DeleteConflict', 'Cannot delete the default version of a policy.');
    }
    policy.versions = policy.versions.filter((v) => v.versionId !== id);
  }

  setDefaultPolicyVersion(arn: string | undefined, versionId: string | undefined): void {
    const policy = this.customerPolicy(arn, 'SetDefaultPolicyVersion');
    const id = checkVersionId(versionId);
    if (!policy.versions.some((v) => v.versionId === id)) {
      throw new IamError('NoSuchEntity', `Policy ${policy.arn} version ${id} does not exist.`);
    }
    policy.defaultVersionId = id;
    policy.updateDate = new Date();
  }

  /** TagPolicy: adds the tags, replacing the value of a key the policy has (keys compared case-insensitively). */
  tagPolicy(arn: string | undefined, input: readonly { key?: string; value?: string }[]): void {
    const policy = this.customerPolicy(arn, 'TagPolicy');
    const tags = checkTags(input);
    const merged = [...policy.tags];
    for (const tag of tags) {
      const index = merged.findIndex((t) => t.key.toLowerCase() === tag.key.toLowerCase());
      if (index >= 0) merged[index] = { key: merged[index]?.key ?? tag.key, value: tag.value };
      else merged.push(tag);
    }
    if (merged.length > QUOTAS.tagsPerResource) {
      throw new IamError('LimitExceeded', `Cannot exceed quota for TagsPerPolicy: ${QUOTAS.tagsPerResource}`);
    }
    policy.tags = merged;
  }

  deletePolicy(arn: string | undefined): void {
    const policy = this.customerPolicy(arn, 'DeletePolicy');
    if (this.attachmentCount(policy) > 0) {
      throw new IamError('DeleteConflict', 'Cannot delete a policy attached to entities.');
    }
    if (policy.versions.length > 1) {
      throw new IamError(
        'DeleteConflict',
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      );
    }
    this.policies.delete(policy.arn.toLowerCase());
  }

  // ------------------------------------------------------------------------------------------
  // Users, groups and roles

  private table(kind: PrincipalKind): Map<string, PrincipalRecord> {
    return (kind === 'user' ? this.users : kind === 'group' ? this.groups : this.roles) as Map<
      string,
      PrincipalRecord
    >;
  }

  private allPrincipals(): PrincipalRecord[] {
    return [...this.users.values(), ...this.groups.values(), ...this.roles.values()];
  }

  private arnOf(kind: PrincipalKind, path: string, name: string): string {
    return `arn:aws:iam::${this.accountId}:${kind}${path}${name}`;
  }

  private ensureNew(kind: PrincipalKind, name: string): void {
    const existing = this.table(kind).get(name.toLowerCase());
    if (existing) {
      const label = kind === 'user' ? 'User' : kind === 'group' ? 'Group' : 'Role';
      throw new IamError('EntityAlreadyExists', `${label} with name ${name} already exists.`);
    }
  }

  createUser(input: {
    name: string | undefined;
    path?: string;
    tags?: readonly { key?: string; value?: string }[];
    /** a fixed unique ID (the seeded caller) */
    id?: string;
  }): UserRecord {
    const name = checkName('userName', input.name);
    const path = checkPath('path', input.path);
    const tags = checkTags(input.tags ?? []);
    this.ensureNew('user', name);
    const user: UserRecord = {
      kind: 'user',
      name,
      id: input.id ?? uniqueId('AIDA'),
      path,
      arn: this.arnOf('user', path, name),
      createDate: new Date(),
      tags,
      attached: [],
      inline: new Map(),
    };
    this.users.set(name.toLowerCase(), user);
    return user;
  }

  createGroup(input: { name: string | undefined; path?: string }): GroupRecord {
    const name = checkName('groupName', input.name);
    const path = checkPath('path', input.path);
    this.ensureNew('group', name);
    const group: GroupRecord = {
      kind: 'group',
      name,
      id: uniqueId('AGPA'),
      path,
      arn: this.arnOf('group', path, name),
      createDate: new Date(),
      tags: [],
      attached: [],
      inline: new Map(),
      members: new Set(),
    };
    this.groups.set(name.toLowerCase(), group);
    return group;
  }

  addUserToGroup(groupName: string | undefined, userName: string | undefined): void {
    const group = this.getGroup(groupName);
    const user = this.getUser(userName);
    group.members.add(user.name.toLowerCase());
  }

  createRole(input: {
    name: string | undefined;
    path?: string;
    assumeRolePolicyDocument: string | undefined;
    description?: string;
    maxSessionDuration?: number;
    tags?: readonly { key?: string; value?: string }[];
  }): RoleRecord {
    const name = checkName('roleName', input.name);
    const path = checkPath('path', input.path);
    const description = checkDescription(input.description, true);
    const maxSessionDuration = checkMaxSessionDuration(input.maxSessionDuration);
    const tags = checkTags(input.tags ?? []);
    const document = this.checkDocument(input.assumeRolePolicyDocument, 'trust');
    this.ensureNew('role', name);
    const role: RoleRecord = {
      kind: 'role',
      name,
      id: uniqueId('AROA'),
      path,
      arn: this.arnOf('role', path, name),
      createDate: new Date(),
      tags,
      attached: [],
      inline: new Map(),
      assumeRolePolicyDocument: document,
      description,
      maxSessionDuration,
    };
    this.roles.set(name.toLowerCase(), role);
    return role;
  }

  principal(kind: PrincipalKind, name: string | undefined): PrincipalRecord {
    const field = `${kind}Name` as 'userName' | 'groupName' | 'roleName';
    const checked = checkName(field, name);
    const found = this.table(kind).get(checked.toLowerCase());
    if (!found) {
      throw new IamError('NoSuchEntity', `The ${KIND_NAME[kind]} with name ${checked} cannot be found.`);
    }
    return found;
  }

  getUser(name: string | undefined): UserRecord {
    return this.principal('user', name ?? SANDBOX_CALLER_NAME) as UserRecord;
  }

  getGroup(name: string | undefined): GroupRecord {
    return this.principal('group', name) as GroupRecord;
  }

  getRole(name: string | undefined): RoleRecord {
    return this.principal('role', name) as RoleRecord;
  }

  groupMembers(group: GroupRecord): UserRecord[] {
    return [...group.members]
      .map((key) => this.users.get(key))
      .filter((u): u is UserRecord => u !== undefined)
      .sort((a, b) => compareNames(a.name, b.name));
  }

  deleteRole(name: string | undefined): void {
    const role = this.getRole(name);
    if (role.attached.length > 0) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
    }
    if (role.inline.size > 0) {
      throw new IamError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
    }
    this.roles.delete(role.name.toLowerCase());
  }

  /** UpdateAssumeRolePolicy: checked as CreateRole checks it, then replaced as a whole. */
  updateAssumeRolePolicy(roleName: string | undefined, document: string | undefined): void {
    const role = this.getRole(roleName);
    role.assumeRolePolicyDocument = this.checkDocument(document, 'trust', 'policyDocument');
  }

  // ------------------------------------------------------------------------------------------
  // Inline policies

  /**
   * Put{User,Group,Role}Policy: adds or replaces an inline policy. The quota is the principal's
   * aggregate size of all its inline policies (whitespace not counted): user 2,048, group 5,120,
   * role 10,240; IAM answers LimitExceeded "Maximum policy size of N bytes exceeded for role X".
   */
  putInlinePolicy(
    kind: PrincipalKind,
    principalName: string | undefined,
    policyName: string | undefined,
    document: string | undefined,
  ): void {
    const name = checkName('policyName', policyName);
    const principal = this.principal(kind, principalName);
    const text = this.checkDocument(document, 'inline');
    let total = iamPolicySize(text);
    for (const [other, otherText] of principal.inline) {
      if (other !== name) total += iamPolicySize(otherText);
    }
    const quota = INLINE_QUOTAS[kind];
    if (total > quota) {
      throw new IamError(
        'LimitExceeded',
        `Maximum policy size of ${quota} bytes exceeded for ${KIND_NAME[kind]} ${principal.name}`,
      );
    }
    principal.inline.set(name, text);
  }

  getInlinePolicy(
    kind: PrincipalKind,
    principalName: string | undefined,
    policyName: string | undefined,
  ): { principal: PrincipalRecord; name: string; document: string } {
    const name = checkName('policyName', policyName);
    const principal = this.principal(kind, principalName);
    const document = principal.inline.get(name);
    if (document === undefined) {
      throw new IamError('NoSuchEntity', `The ${KIND_NAME[kind]} policy with name ${name} cannot be found.`);
    }
    return { principal, name, document };
  }

  deleteInlinePolicy(
    kind: PrincipalKind,
    principalName: string | undefined,
    policyName: string | undefined,
  ): void {
    const { principal, name } = this.getInlinePolicy(kind, principalName, policyName);
    principal.inline.delete(name);
  }

  /** Inline policy names in name order (as IAM lists them). */
  listInlinePolicies(kind: PrincipalKind, principalName: string | undefined): string[] {
    return [...this.principal(kind, principalName).inline.keys()].sort(compareNames);
  }

  list(kind: PrincipalKind, pathPrefix = '/'): PrincipalRecord[] {
    return [...this.table(kind).values()]
      .filter((p) => p.path.startsWith(pathPrefix))
      .sort((a, b) => compareNames(a.name, b.name));
  }

  attach(kind: PrincipalKind, name: string | undefined, policyArn: string | undefined): void {
    const principal = this.principal(kind, name);
    const arn = checkPolicyArn(policyArn);
    const policy = this.policies.get(arn.toLowerCase());
    if (!policy) throw new IamError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
    if (!policy.attachable) {
      throw new IamError(
        'PolicyNotAttachable',
        `Cannot attach a Service Role Policy to a Customer ${capitalize(KIND_NAME[kind])}.`,
      );
    }
    if (principal.attached.includes(policy.arn)) return; // IAM: attaching again succeeds and changes nothing
    if (principal.attached.length >= QUOTAS.attachedPoliciesPerPrincipal) {
      throw new IamError(
        'LimitExceeded',
        `Cannot exceed quota for ${QUOTA_NAME[kind]}: ${QUOTAS.attachedPoliciesPerPrincipal}`,
      );
    }
    principal.attached.push(policy.arn);
  }

  detach(kind: PrincipalKind, name: string | undefined, policyArn: string | undefined): void {
    const principal = this.principal(kind, name);
    const arn = checkPolicyArn(policyArn);
    const index = principal.attached.findIndex((a) => a.toLowerCase() === arn.toLowerCase());
    if (index < 0) throw new IamError('NoSuchEntity', `Policy ${arn} was not found.`);
    principal.attached.splice(index, 1);
  }

  /** The users, groups and roles a managed policy is attached to (ListEntitiesForPolicy), each in name order. */
  entitiesForPolicy(policyArn: string | undefined): { users: PrincipalRecord[]; groups: PrincipalRecord[]; roles: PrincipalRecord[] } {
    const policy = this.getPolicy(policyArn);
    const holding = (kind: PrincipalKind) => this.list(kind).filter((p) => p.attached.includes(policy.arn));
    return { users: holding('user'), groups: holding('group'), roles: holding('role') };
  }

  attachedPolicies(kind: PrincipalKind, name: string | undefined, pathPrefix = '/'): PolicyRecord[] {
    const principal = this.principal(kind, name);
    return principal.attached
      .map((arn) => this.policies.get(arn.toLowerCase()))
      .filter((p): p is PolicyRecord => p !== undefined && p.path.startsWith(pathPrefix));
  }

  // ------------------------------------------------------------------------------------------
  // Seed

  /**
   * A small account that feels real: users alice, bob and sandbox-admin (the caller), groups
   * Developers and Admins, a few service roles, one customer managed policy, and the role
   * "data-pipeline-role" with 10 managed policies attached (at the quota).
   */
  seed(): void {
    const admin = this.createUser({ name: SANDBOX_CALLER_NAME, path: '/', id: SANDBOX_CALLER_USER_ID });
    const alice = this.createUser({
      name: 'alice',
      path: '/engineering/',
      tags: [{ key: 'team', value: 'payments' }],
    });
    const bob = this.createUser({
      name: 'bob',
      path: '/engineering/',
      tags: [{ key: 'team', value: 'data' }],
    });
    this.createUser({ name: 'ci-bot', path: '/automation/' });
    const developers = this.createGroup({ name: 'Developers', path: '/' });
    const admins = this.createGroup({ name: 'Admins', path: '/' });
    developers.members.add(alice.name.toLowerCase()).add(bob.name.toLowerCase());
    admins.members.add(admin.name.toLowerCase());

    const trust = (service: string): string =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
      });
    this.createRole({
      name: 'ecsTaskExecutionRole',
      assumeRolePolicyDocument: trust('ecs-tasks.amazonaws.com'),
      description: 'Lets ECS tasks pull images and write logs',
    });
    this.createRole({
      name: 'lambda-basic-execution',
      path: '/service-role/',
      assumeRolePolicyDocument: trust('lambda.amazonaws.com'),
    });
    this.createRole({
      name: 'ec2-ssm-instance',
      assumeRolePolicyDocument: trust('ec2.amazonaws.com'),
      maxSessionDuration: 7200,
    });
    this.createRole({
      name: 'data-pipeline-role',
      assumeRolePolicyDocument: trust('glue.amazonaws.com'),
      description: 'Has the maximum of 10 managed policies attached',
    });

    const reports = this.createPolicy({
      name: 'ReadReportsBucket',
      path: '/',
      description: 'Read the reports bucket',
      document: JSON.stringify(
        {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'ReadReports',
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: ['arn:aws:s3:::example-reports', 'arn:aws:s3:::example-reports/*'],
            },
          ],
        },
        null,
        2,
      ),
    });

    const attachIfKnown = (kind: PrincipalKind, name: string, arn: string): void => {
      if (this.policies.has(arn.toLowerCase())) this.attach(kind, name, arn);
    };
    const aws = (name: string): string => `arn:aws:iam::aws:policy/${name}`;
    this.attach('group', 'Developers', reports.arn);
    attachIfKnown('group', 'Developers', aws('ReadOnlyAccess'));
    attachIfKnown('group', 'Admins', aws('AdministratorAccess'));
    attachIfKnown('user', 'alice', aws('IAMUserChangePassword'));
    attachIfKnown('role', 'ecsTaskExecutionRole', aws('service-role/AmazonECSTaskExecutionRolePolicy'));
    attachIfKnown('role', 'lambda-basic-execution', aws('service-role/AWSLambdaBasicExecutionRole'));
    attachIfKnown('role', 'ec2-ssm-instance', aws('AmazonSSMManagedInstanceCore'));

    const tenPolicies = [
      'AmazonS3ReadOnlyAccess',
      'AmazonDynamoDBReadOnlyAccess',
      'CloudWatchLogsFullAccess',
      'AmazonSQSFullAccess',
      'AmazonSNSReadOnlyAccess',
      'AWSGlueConsoleFullAccess',
      'AmazonAthenaFullAccess',
      'AmazonKinesisReadOnlyAccess',
      'AmazonRedshiftReadOnlyAccess',
      'AWSLambda_ReadOnlyAccess',
    ].map(aws);
    const pipeline = this.getRole('data-pipeline-role');
    for (const arn of tenPolicies) attachIfKnown('role', pipeline.name, arn);
    // Without the catalog's AWS managed policies, fill the quota with customer managed ones.
    for (let i = 1; pipeline.attached.length < QUOTAS.attachedPoliciesPerPrincipal; i++) {
      const filler = this.createPolicy({
        name: `PipelineStep${i}`,
        document: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'glue:GetJob', Resource: '*' }],
        }),
      });
      this.attach('role', pipeline.name, filler.arn);
    }
  }
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
