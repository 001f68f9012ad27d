/**
 * The Principal element of role trust policies: format, principal types, the sts actions each
 * type can use, and the conditions federated and service principals should have.
 */
import { getMember, hasMember, isJsonObject } from '../json';
import type { JsonValue } from '../model';
import { joinPointer } from '../pointer';
import type { ListItem, StatementContext, Validation } from './context';
import { listText, q } from './context';
import { hasWildcard } from '../wildcard';
import { parseOperator } from './operators';

const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
const PARTITION = '(?:aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)';
const AWS_PRINCIPAL_ARN = new RegExp(`^arn:${PARTITION}:(iam|sts)::(\\d{12}|\\*):(.+)$`);
const SAML_PROVIDER = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:saml-provider/[A-Za-z0-9_.@+=,-]+$`);
const OIDC_PROVIDER = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:oidc-provider/(.+)$`);
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s:]*)?$/i;
const SERVICE_PRINCIPAL =
  /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\.(amazonaws\.com(\.cn)?|amazon\.com|c2s\.ic\.gov|sc2s\.sgov\.gov|amazonaws\.eu)$/;
const UNIQUE_ID = /^(AIDA|AROA)[A-Z0-9]{12,}$/;

const SOURCE_KEYS = new Set(['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths']);
/** Keys about the calling principal, which a service principal does not have. */
const PRINCIPAL_ONLY_KEYS =
  /^aws:(principalarn|principalaccount|principalorgid|principalorgpaths|principaltag\/.*|userid|username|multifactorauthage|multifactorauthpresent)$/;
/** Keys that narrow a request but not the resource or account a service acts for. */
const NON_SOURCE_RESTRICTIONS = /^aws:(referer|sourceip|sourcevpc|sourcevpce|useragent|vpcsourceip)$/;

interface PrincipalValues {
  aws: ListItem[];
  service: ListItem[];
  saml: ListItem[];
  oidc: { item: ListItem; provider: string }[];
  otherFederated: ListItem[];
}

export function checkPrincipals(v: Validation, statement: StatementContext): void {
  if (!v.isTrust || !hasMember(statement.raw, 'Principal')) return;
  const principal = getMember(statement.raw, 'Principal') as JsonValue;
  const pointer = joinPointer(statement.pointer, 'Principal');
  if (principal === '*') {
    v.report(
      'role-trust-policy-unsupported-wildcard-in-principal',
      pointer,
      '"Principal": "*" is not supported in a role trust policy. Name who may assume the role, e.g. {"AWS": "arn:aws:iam::123456789012:root"} or {"Service": "ec2.amazonaws.com"}.',
    );
    return;
  }
  if (!isJsonObject(principal)) {
    v.report(
      'invalid-principal-format',
      pointer,
      'The Principal element must be an object of principal types and values, e.g. {"AWS": "arn:aws:iam::123456789012:root"} or {"Service": "lambda.amazonaws.com"}.',
    );
    return;
  }
  const keys = Object.keys(principal);
  if (keys.length === 0) {
    v.report(
      'empty-object-principal',
      pointer,
      'The Principal element is empty, so nobody can assume the role through this statement. Name the trusted principals.',
    );
    return;
  }
  const values: PrincipalValues = { aws: [], service: [], saml: [], oidc: [], otherFederated: [] };
  for (const key of keys) {
    const keyPointer = joinPointer(pointer, key);
    if (!(PRINCIPAL_KEYS as readonly string[]).includes(key)) {
      const variant = PRINCIPAL_KEYS.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
      v.report(
        'invalid-principal-key',
        keyPointer,
        variant
          ? `The principal key ${q(key)} is not valid: it is case-sensitive. Write ${q(variant)}.`
          : `The principal key ${q(key)} is not valid. Use "AWS", "Service" or "Federated".`,
      );
      continue;
    }
    if (key === 'CanonicalUser') {
      v.report(
        'invalid-principal-key',
        keyPointer,
        'A canonical user (an Amazon S3 identifier) cannot assume a role. Name the account or role with "AWS" instead.',
      );
      continue;
    }
    const value = getMember(principal, key) as JsonValue;
    const items: ListItem[] = [];
    if (typeof value === 'string') items.push({ value, pointer: keyPointer, index: 0 });
    else if (Array.isArray(value)) {
      if (value.length === 0) {
        v.report(
          'empty-array-principal',
          keyPointer,
          `The "${key}" array is empty, so it trusts nobody. List the principals, or remove "${key}".`,
        );
      }
      value.forEach((item: JsonValue, index: number) => {
        const itemPointer = joinPointer(keyPointer, index);
        if (typeof item === 'string') items.push({ value: item, pointer: itemPointer, index });
        else
          v.report(
            'invalid-principal-format',
            itemPointer,
            `Each "${key}" principal must be a string, e.g. ${key === 'Service' ? '"ec2.amazonaws.com"' : '"arn:aws:iam::123456789012:root"'}.`,
          );
      });
    } else {
      v.report('invalid-principal-format', keyPointer, `"${key}" must hold a string or an array of strings.`);
      continue;
    }
    for (const item of items) {
      if (key === 'AWS') checkAwsPrincipal(v, item, values);
      else if (key === 'Service') checkServicePrincipal(v, item, values);
      else checkFederatedPrincipal(v, item, values);
    }
  }
  checkRedundantPrincipals(v, values);
  checkActionsForPrincipals(v, statement, values);
  checkPrincipalConditions(v, statement, values);
}

function checkAwsPrincipal(v: Validation, item: ListItem, values: PrincipalValues): void {
  const text = item.value;
  if (text === '*' || /^\d{12}$/.test(text)) {
    values.aws.push(item);
    return;
  }
  if (UNIQUE_ID.test(text)) {
    const role = text.startsWith('AROA');
    v.report(
      role ? 'invalid-role-reference' : 'invalid-user-reference',
      item.pointer,
      `${q(text)} is the unique ID of an IAM ${role ? 'role' : 'user'}. Use its ARN (e.g. ${q(role ? 'arn:aws:iam::123456789012:role/name' : 'arn:aws:iam::123456789012:user/name')}); IAM shows the ID only when the ${role ? 'role' : 'user'} was deleted, and a new one with the same name will not match it.`,
    );
    values.aws.push(item);
    return;
  }
  if (hasWildcard(text)) {
    v.report(
      'unsupported-wildcard-in-principal',
      item.pointer,
      `Wildcards are not allowed in principal ARNs such as ${q(text)}. Name the account, role or user exactly; to trust many roles, trust the account and add a condition on aws:PrincipalArn with ArnLike.`,
    );
    return;
  }
  const match = AWS_PRINCIPAL_ARN.exec(text);
  const resource = match?.[3] ?? '';
  const validResource =
    match !== null &&
    (match[1] === 'iam'
      ? /^(root|user\/.+|role\/.+|federated-user\/.+)$/.test(resource)
      : /^(assumed-role\/[^/]+\/.+|federated-user\/.+)$/.test(resource));
  if (!validResource) {
    v.report(
      'invalid-principal-format',
      item.pointer,
      `${q(text)} is not a valid AWS principal. Use an account ID ("123456789012"), or the ARN of an account root, role or user, e.g. "arn:aws:iam::123456789012:role/name".`,
    );
    return;
  }
  values.aws.push(item);
}

function checkServicePrincipal(v: Validation, item: ListItem, values: PrincipalValues): void {
  const text = item.value;
  if (hasWildcard(text)) {
    v.report(
      'unsupported-wildcard-in-principal',
      item.pointer,
      `Wildcards are not allowed in service principals such as ${q(text)}. Name the service, e.g. "ec2.amazonaws.com".`,
    );
    return;
  }
  if (!SERVICE_PRINCIPAL.test(text)) {
    const lower = text.toLowerCase();
    v.report(
      'invalid-service-principal-format',
      item.pointer,
      SERVICE_PRINCIPAL.test(lower)
        ? `Service principals are lower case: write ${q(lower)}.`
        : `${q(text)} is not a service principal. Use the service's name followed by ".amazonaws.com", e.g. "lambda.amazonaws.com".`,
    );
    return;
  }
  values.service.push(item);
}

function checkFederatedPrincipal(v: Validation, item: ListItem, values: PrincipalValues): void {
  const text = item.value;
  if (hasWildcard(text)) {
    v.report(
      'unsupported-wildcard-in-principal',
      item.pointer,
      `Wildcards are not allowed in federated principals such as ${q(text)}. Name the identity provider.`,
    );
    return;
  }
  if (SAML_PROVIDER.test(text)) {
    values.saml.push(item);
    return;
  }
  const oidc = OIDC_PROVIDER.exec(text);
  if (oidc) {
    values.oidc.push({ item, provider: (oidc[1] ?? '').toLowerCase() });
    return;
  }
  if (!text.startsWith('arn:') && DOMAIN.test(text)) {
    values.oidc.push({ item, provider: text.toLowerCase() });
    return;
  }
  v.report(
    'invalid-federated-principal-syntax-in-role-trust-policy',
    item.pointer,
    `${q(text)} is not a federated principal. Use the ARN of a SAML provider ("arn:aws:iam::123456789012:saml-provider/name"), of an OIDC provider ("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"), or a web identity domain such as "cognito-identity.amazonaws.com".`,
  );
  values.otherFederated.push(item);
}

function checkRedundantPrincipals(v: Validation, values: PrincipalValues): void {
  const roles = new Map<string, string>();
  for (const item of values.aws) {
    const match = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(item.value);
    if (match) roles.set(`${match[1]}:${match[2]}:${match[3]}`, item.value);
  }
  for (const item of values.aws) {
    const match = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(item.value);
    if (!match) continue;
    const parent = roles.get(`${match[1]}:${match[2]}:${match[3]}`);
    if (parent) {
      v.report(
        'redundant-principal-in-role-trust-policy',
        item.pointer,
        `The session principal ${q(item.value)} is already covered by its role ${q(parent)}. Remove the assumed-role principal.`,
      );
    }
  }
}

function checkActionsForPrincipals(
  v: Validation,
  statement: StatementContext,
  values: PrincipalValues,
): void {
  const federated = [...values.saml, ...values.oidc.map((entry) => entry.item)];
  const nonFederated = [...values.aws, ...values.service];
  for (const pattern of statement.actionPatterns) {
    if (pattern.status !== 'ok' || pattern.wildcard || pattern.service !== 'sts') continue;
    const action = pattern.matches[0]?.name.toLowerCase();
    let mismatched: ListItem[] = [];
    if (action === 'assumerole') mismatched = federated;
    else if (action === 'assumerolewithsaml')
      mismatched = [...nonFederated, ...values.oidc.map((entry) => entry.item)];
    else if (action === 'assumerolewithwebidentity') mismatched = [...nonFederated, ...values.saml];
    if (mismatched.length === 0) continue;
    v.report(
      'mismatched-action-for-principal',
      pattern.item.pointer,
      `${q(pattern.item.value)} does not work with ${listText(
        mismatched.map((item) => q(item.value)),
        3,
      )}. Use sts:AssumeRole for AWS and service principals, sts:AssumeRoleWithSAML for a SAML provider, and sts:AssumeRoleWithWebIdentity for an OIDC provider, each in its own statement if needed.`,
    );
  }
  if (
    statement.effect !== 'Allow' ||
    !values.service.some((item) => item.value === 'rolesanywhere.amazonaws.com')
  )
    return;
  const granted = (name: string): boolean =>
    statement.actionPatterns.some(
      (pattern) => pattern.status === 'ok' && pattern.matches.some((action) => action.id === `sts:${name}`),
    );
  const missing = ['AssumeRole', 'SetSourceIdentity', 'TagSession'].filter(
    (name) => !granted(name.toLowerCase()),
  );
  if (missing.length > 0 && statement.action) {
    v.report(
      'missing-action-for-roles-anywhere-trust-policy',
      statement.action.pointer,
      `IAM Roles Anywhere (rolesanywhere.amazonaws.com) needs sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession to assume a role. Add ${listText(missing.map((name) => `sts:${name}`))}.`,
    );
  }
}

function checkPrincipalConditions(v: Validation, statement: StatementContext, values: PrincipalValues): void {
  if (statement.effect !== 'Allow') return;
  const conditions = statement.conditions;
  const keyPrefixes = new Set(
    conditions.map((item) => item.key.slice(0, Math.max(0, item.key.indexOf(':'))).toLowerCase()),
  );

  // OIDC providers
  for (const { item, provider } of values.oidc) {
    if (
      provider === 'token.actions.githubusercontent.com' ||
      provider.startsWith('token.actions.githubusercontent.com/')
    ) {
      const sub = conditions.filter((condition) => condition.key.toLowerCase() === `${provider}:sub`);
      if (sub.length === 0) {
        v.report(
          'missing-github-repo-condition-key',
          item.pointer,
          `Without a condition on ${q(`${provider}:sub`)}, GitHub Actions workflows of any repository can assume this role. Add "StringEquals" (or "StringLike") on ${q(`${provider}:sub`)} with your repository and branch, e.g. "repo:my-org/my-repo:ref:refs/heads/main".`,
        );
        continue;
      }
      const hasRef = conditions.some((condition) => condition.key.toLowerCase() === `${provider}:ref`);
      for (const condition of sub) {
        for (const value of condition.values) {
          if (typeof value.value === 'string' && hasWildcard(value.value) && !hasRef) {
            v.report(
              'specific-github-repo-and-branch-recommended',
              value.pointer,
              `${q(value.value)} uses a wildcard, so more repositories or branches than you intend may assume the role. Name the repository and branch (e.g. "repo:my-org/my-repo:ref:refs/heads/main"), or add a condition on ${q(`${provider}:ref`)}.`,
            );
          }
        }
      }
      continue;
    }
    if (!keyPrefixes.has(provider)) {
      v.report(
        'missing-condition-key-for-oidc-principal',
        item.pointer,
        `Without a condition on the provider's claims, any identity this OIDC provider issues tokens for can assume the role. Add a condition on ${q(`${provider}:aud`)} (and ${q(`${provider}:sub`)}) to name your application.`,
      );
    }
  }

  // Service principals (only when the statement trusts nothing else)
  if (
    values.service.length === 0 ||
    values.aws.length > 0 ||
    values.saml.length > 0 ||
    values.oidc.length > 0
  )
    return;
  const servicePrincipal = values.service[0]?.value ?? '';
  let sourceRestricted = false;
  const bypassableSource: string[] = [];
  for (const condition of conditions) {
    const key = condition.key.toLowerCase();
    const operator = parseOperator(condition.operator);
    if (!operator.ok) continue;
    if (SOURCE_KEYS.has(key)) {
      if (operator.ifExists || operator.negated || operator.family === 'Null')
        bypassableSource.push(condition.key);
      else sourceRestricted = true;
      continue;
    }
    if (PRINCIPAL_ONLY_KEYS.test(key) && !operator.ifExists && operator.family !== 'Null') {
      v.report(
        'unsupported-condition-key-for-service-principal',
        condition.pointer,
        `${q(condition.key)} describes an IAM principal, and a service principal such as ${q(servicePrincipal)} has none, so this condition never matches. Use aws:SourceAccount or aws:SourceArn to restrict the service.`,
      );
    }
  }
  if (sourceRestricted) return;
  if (bypassableSource.length > 0) {
    v.report(
      'restrict-access-to-service-principal',
      joinPointer(statement.pointer, 'Condition'),
      `The condition on ${listText(bypassableSource.map(q))} does not require the source (it uses IfExists, a negated operator or Null), so ${q(servicePrincipal)} can assume the role on behalf of any resource or account. Use StringEquals on aws:SourceAccount or ArnLike on aws:SourceArn.`,
    );
    return;
  }
  for (const condition of conditions) {
    if (!NON_SOURCE_RESTRICTIONS.test(condition.key.toLowerCase())) continue;
    v.report(
      'recommended-condition-key-for-service-principal',
      condition.pointer,
      `To restrict the service principal ${q(servicePrincipal)} acting on your behalf, use aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths instead of ${q(condition.key)}.`,
    );
  }
}
