/**
 * Action and NotAction: format, service, action name, wildcards.
 */
import type { ActionRef } from './catalogIndex';
import type { ActionPattern, ElementList, ListItem, StatementContext, Validation } from './context';
import { closest, q } from './context';
import { describeRetiredService } from '../../catalog/retiredServices';
import { hasWildcard } from '../wildcard';

const SERVICE_CHARS = /^[a-z0-9*?-]+$/i;
const ACTION_CHARS = /^[A-Za-z0-9_*?-]+$/;

/** Actions a role trust policy may name (the sts actions that act on the role). */
export const TRUST_ACTIONS = [
  'assumerole',
  'assumerolewithsaml',
  'assumerolewithwebidentity',
  'tagsession',
  'setsourceidentity',
  'setcontext',
];

function invalid(item: ListItem, service: string): ActionPattern {
  return {
    item,
    status: 'invalid',
    wildcard: hasWildcard(item.value),
    serviceWildcard: false,
    service,
    matches: [],
  };
}

function checkItem(v: Validation, item: ListItem, needMatches: boolean): ActionPattern {
  const text = item.value;
  const index = v.index;
  /** every matching action (Action), or just whether there is one (NotAction) */
  const matchesOf = (pattern: string): readonly ActionRef[] => {
    if (needMatches) return index.matchActions(pattern);
    const any = index.anyAction(pattern);
    return any ? [any] : [];
  };
  if (text.includes('${')) return invalid(item, ''); // reported by the variable checks
  if (text === '*') {
    return {
      item,
      status: 'ok',
      wildcard: true,
      serviceWildcard: true,
      service: '*',
      matches: matchesOf('*'),
    };
  }
  if (/\s/.test(text)) {
    v.report(
      'invalid-action-format',
      item.pointer,
      `The action ${q(text)} contains whitespace. Remove it: actions are written like "s3:GetObject".`,
    );
    return invalid(item, '');
  }
  const colon = text.indexOf(':');
  if (colon < 0) {
    const service = index.hasService(text) ? text.toLowerCase() : undefined;
    v.report(
      'invalid-action-format',
      item.pointer,
      service
        ? `${q(text)} is a service prefix, not an action. Write ${q(`${service}:*`)} for all of its actions, or name one, e.g. ${q(`${service}:${index.serviceActions(service)[0]?.name ?? 'Action'}`)}.`
        : `${q(text)} is not an action: write it as "service:Action", e.g. "s3:GetObject", or "*" for all actions.`,
    );
    return invalid(item, '');
  }
  const servicePart = text.slice(0, colon);
  const actionPart = text.slice(colon + 1);
  if (actionPart.includes(':') || actionPart === '' || !ACTION_CHARS.test(actionPart)) {
    v.report(
      'invalid-action-format',
      item.pointer,
      actionPart === ''
        ? `The action ${q(text)} has no action name after the colon. Add one (e.g. ${q(`${servicePart}:Get*`)}) or use ${q(`${servicePart}:*`)}.`
        : `The action name in ${q(text)} is not valid: action names contain only letters, digits, "_" and "-", with "*" and "?" as wildcards. Write it like "s3:GetObject".`,
    );
    return invalid(item, '');
  }
  if (servicePart === '' || !SERVICE_CHARS.test(servicePart)) {
    v.report(
      'invalid-service-in-action',
      item.pointer,
      `The service part ${q(servicePart)} of ${q(text)} is not a service prefix: prefixes contain only lower-case letters, digits and "-" (e.g. "s3", "ec2", "lambda"). Fix the prefix.`,
    );
    return invalid(item, '');
  }
  const service = servicePart.toLowerCase();
  if (hasWildcard(servicePart)) {
    v.report(
      'wildcard-in-service-name',
      item.pointer,
      `${q(text)} has a wildcard in the service name, so it also matches other services whose prefix fits, including services AWS adds later. Name the services you mean, e.g. ${q(`s3:${actionPart}`)}.`,
    );
    const matches = matchesOf(text);
    if (matches.length === 0) {
      v.report(
        'wildcard-matches-nothing',
        item.pointer,
        `${q(text)} matches no action of any service, so it grants nothing. Fix the pattern or remove it.`,
      );
      return { item, status: 'invalid', wildcard: true, serviceWildcard: true, service, matches };
    }
    return { item, status: 'ok', wildcard: true, serviceWildcard: true, service, matches };
  }
  if (!index.hasService(service)) {
    const retired = index.retiredServiceName(service);
    if (retired !== undefined) {
      v.report(
        'retired-service',
        item.pointer,
        `${describeRetiredService(service, retired)}. IAM still accepts ${q(text)}, but it grants nothing; remove it (or remove every retired action at once).`,
      );
    } else {
      const suggestion = closest(service, index.servicePrefixes(), 2);
      v.report(
        'invalid-service',
        item.pointer,
        `The service ${q(servicePart)} in ${q(text)} does not exist.${suggestion ? ` Did you mean ${q(`${suggestion}:${actionPart}`)}?` : ' Use a service prefix from the Service Authorization Reference, e.g. "s3" or "ec2".'}`,
      );
    }
    return invalid(item, service);
  }
  if (hasWildcard(actionPart)) {
    const matches = matchesOf(text);
    if (matches.length === 0) {
      v.report(
        'wildcard-matches-nothing',
        item.pointer,
        `${q(text)} matches no action of ${index.serviceName(service) ?? service}, so it grants nothing. Fix the pattern (e.g. ${q(`${service}:Get*`)}) or remove it.`,
      );
      return { item, status: 'invalid', wildcard: true, serviceWildcard: false, service, matches };
    }
    return { item, status: 'ok', wildcard: true, serviceWildcard: false, service, matches };
  }
  const action = index.action(service, actionPart);
  if (!action) {
    const suggestion = closest(
      actionPart,
      index.serviceActions(service).map((candidate) => candidate.name),
      3,
    );
    v.report(
      'invalid-action',
      item.pointer,
      `The action ${q(text)} does not exist in ${index.serviceName(service) ?? service}.${suggestion ? ` Did you mean ${q(`${service}:${suggestion}`)}?` : ' Check the name in the Service Authorization Reference, or remove it.'}`,
    );
    return invalid(item, service);
  }
  return { item, status: 'ok', wildcard: false, serviceWildcard: false, service, matches: [action] };
}

function checkList(v: Validation, list: ElementList | undefined, needMatches: boolean): ActionPattern[] {
  if (!list) return [];
  return list.items.map((item) => checkItem(v, item, needMatches));
}

export function checkActions(v: Validation, statement: StatementContext): void {
  statement.actionPatterns = checkList(v, statement.action, true);
  // NotAction's matches are used only to tell whether an item matches anything.
  statement.notActionPatterns = checkList(v, statement.notAction, false);
  if (v.isTrust) checkTrustActions(v, statement);
}

function checkTrustActions(v: Validation, statement: StatementContext): void {
  for (const pattern of statement.actionPatterns) {
    if (pattern.status !== 'ok' || pattern.serviceWildcard) continue;
    if (pattern.service !== 'sts') {
      v.report(
        'unsupported-action-in-policy',
        pattern.item.pointer,
        `A role trust policy controls only who may assume the role, so ${q(pattern.item.value)} has no effect here. Use sts:AssumeRole (or sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity), and grant ${q(pattern.item.value)} in the role's permissions policy.`,
      );
      continue;
    }
    if (
      pattern.matches.length > 0 &&
      pattern.matches.every((match) => !TRUST_ACTIONS.includes(match.name.toLowerCase()))
    ) {
      v.report(
        'unsupported-action-in-policy',
        pattern.item.pointer,
        `${q(pattern.item.value)} does not apply to a role trust policy. Use sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity or sts:SetContext.`,
      );
    }
  }
}
