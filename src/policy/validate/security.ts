/**
 * Broad grants: Allow with NotAction or NotResource, and iam:PassRole or
 * iam:CreateServiceLinkedRole on every role.
 */
import type { CheckCode } from '../checks';
import type { ActionPattern, StatementContext, Validation } from './context';
import { q } from './context';
import { wildcardMatch } from '../wildcard';
import { variablesAsWildcards } from './variableText';
import { parseOperator } from './operators';

interface SensitiveAction {
  /** "iam:passrole" */
  readonly id: string;
  readonly name: string;
  /** a condition on this key narrows the grant enough */
  readonly narrowingKey: string;
  /** resource parts of two unrelated ARNs the action applies to: a resource matching both is "every one" */
  readonly probes: readonly [string, string];
  readonly what: string;
  readonly fix: string;
  readonly codes: {
    readonly starResource: CheckCode;
    readonly starActionStarResource: CheckCode;
    readonly notResource: CheckCode;
    readonly starActionNotResource: CheckCode;
    readonly starResourceNotAction: CheckCode;
    readonly notActionNotResource: CheckCode;
  };
}

const PASS_ROLE: SensitiveAction = {
  id: 'iam:passrole',
  name: 'iam:PassRole',
  narrowingKey: 'iam:passedtoservice',
  probes: ['role/zq7ExampleRoleName', 'role/some-path/xk9OtherRole'],
  what: "pass any role to any service, which lets the caller act with that role's permissions",
  fix: 'List the role ARNs that may be passed in "Resource", or add a condition on iam:PassedToService',
  codes: {
    starResource: 'pass-role-with-star-in-resource',
    starActionStarResource: 'pass-role-with-star-in-action-and-resource',
    notResource: 'pass-role-with-not-resource',
    starActionNotResource: 'pass-role-with-star-in-action-and-not-resource',
    starResourceNotAction: 'pass-role-with-star-in-resource-and-not-action',
    notActionNotResource: 'pass-role-with-not-action-and-not-resource',
  },
};

const CREATE_SLR: SensitiveAction = {
  id: 'iam:createservicelinkedrole',
  name: 'iam:CreateServiceLinkedRole',
  narrowingKey: 'iam:awsservicename',
  probes: [
    'role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk',
    'role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
  ],
  what: 'create service-linked roles for any service',
  fix: 'List the service-linked role ARNs in "Resource", or add a condition on iam:AWSServiceName',
  codes: {
    starResource: 'create-slr-with-star-in-resource',
    starActionStarResource: 'create-slr-with-star-in-action-and-resource',
    notResource: 'create-slr-with-not-resource',
    starActionNotResource: 'create-slr-with-star-in-action-and-not-resource',
    starResourceNotAction: 'create-slr-with-star-in-resource-and-not-action',
    notActionNotResource: 'create-slr-with-not-action-and-not-resource',
  },
};

export function checkBroadGrants(v: Validation, statement: StatementContext): void {
  if (statement.effect !== 'Allow' || v.isTrust) return;
  if (statement.notAction && !statement.notAction.empty) {
    v.report(
      'allow-with-not-action',
      statement.notAction.pointer,
      '"Allow" with "NotAction" allows every action except the ones listed, including actions AWS adds later. List the actions to allow in "Action" instead.',
    );
  }
  if (statement.notResource && !statement.notResource.empty) {
    v.report(
      'allow-with-not-resource',
      statement.notResource.pointer,
      '"Allow" with "NotResource" allows the actions on every resource except the ones listed, including resources created later. List the resources in "Resource" instead.',
    );
  }
  checkSensitive(v, statement, PASS_ROLE);
  checkSensitive(v, statement, CREATE_SLR);
}

function coversAll(resource: string, action: SensitiveAction): boolean {
  const text = variablesAsWildcards(resource);
  if (text === '*') return true;
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  if (!wildcardMatch(parts[2] ?? '', 'iam')) return false;
  const rest = parts.slice(5).join(':');
  return action.probes.every((probe) => wildcardMatch(rest, probe));
}

function matchesAction(pattern: ActionPattern, id: string): boolean {
  return pattern.status === 'ok' && pattern.matches.some((action) => action.id === id);
}

function checkSensitive(v: Validation, statement: StatementContext, action: SensitiveAction): void {
  const narrowed = statement.conditions.some((item) => {
    const operator = parseOperator(item.operator);
    return (
      item.key.toLowerCase() === action.narrowingKey &&
      operator.ok &&
      !operator.negated &&
      operator.family !== 'Null'
    );
  });
  if (narrowed) return;

  const starResource = statement.resource?.items.find((item) => coversAll(item.value, action));
  const notResource =
    statement.notResource &&
    !statement.notResource.empty &&
    !statement.notResource.items.some((item) => coversAll(item.value, action))
      ? statement.notResource
      : undefined;
  if (!starResource && !notResource) return;

  if (statement.action) {
    const explicit = statement.actionPatterns.find(
      (pattern) => !pattern.wildcard && matchesAction(pattern, action.id),
    );
    const wildcard = statement.actionPatterns.find(
      (pattern) => pattern.wildcard && matchesAction(pattern, action.id),
    );
    const via = explicit ?? wildcard;
    if (!via) return;
    const through = explicit ? action.name : `${action.name} (through ${q(via.item.value)})`;
    if (starResource) {
      v.report(
        action.codes.starResource,
        starResource.pointer,
        `This statement allows ${through} on every role (${q(starResource.value)}), so the caller can ${action.what}. ${action.fix}.`,
      );
      if (!explicit && wildcard) {
        v.report(
          action.codes.starActionStarResource,
          wildcard.item.pointer,
          `The wildcard ${q(wildcard.item.value)} includes ${action.name}, and "Resource" is ${q(starResource.value)}, so the caller can ${action.what}. List the actions you need instead of the wildcard, or scope "Resource" to specific roles.`,
        );
      }
    } else if (notResource) {
      v.report(
        action.codes.notResource,
        notResource.pointer,
        `This statement allows ${through} with "NotResource", which covers every role not listed, so the caller can ${action.what}. ${action.fix}.`,
      );
      if (!explicit && wildcard) {
        v.report(
          action.codes.starActionNotResource,
          wildcard.item.pointer,
          `The wildcard ${q(wildcard.item.value)} includes ${action.name}, and "NotResource" covers every role not listed. List the actions you need, and the role ARNs in "Resource".`,
        );
      }
    }
    return;
  }
  if (statement.notAction) {
    const excluded = statement.notAction.items.some(
      (item) => wildcardMatch(item.value, action.name, true) || item.value === '*',
    );
    if (excluded) return;
    if (starResource) {
      v.report(
        action.codes.starResourceNotAction,
        statement.notAction.pointer,
        `"NotAction" does not exclude ${action.name} and "Resource" is ${q(starResource.value)}, so the caller can ${action.what}. Add ${action.name} to "NotAction", or list the actions to allow in "Action".`,
      );
    } else if (notResource) {
      v.report(
        action.codes.notActionNotResource,
        statement.notAction.pointer,
        `"NotAction" with "NotResource" allows ${action.name} on every role not listed, so the caller can ${action.what}. Use "Action" and "Resource" with the actions and roles you mean.`,
      );
    }
  }
}
