/**
 * Action names for the JSON view: completion items for what is typed in an Action string, and the
 * hover text for an action or a wildcard pattern. Pure: a CatalogView in, plain data out; the
 * Monaco glue (policyLanguage.ts) turns it into completion items and hovers.
 */
import type { CatalogView } from '../../catalog/catalog';
import { ACCESS_LEVELS, type AccessLevel } from '../../catalog/types';
import { expandActionPattern, hasWildcard } from '../../policy/expand';

export interface ActionCompletion {
  readonly kind: 'service' | 'action' | 'wildcard';
  /** "s3:" for a service, "s3:GetObject" for an action */
  readonly label: string;
  readonly insertText: string;
  /** shown beside the label: the service name or the action's access level */
  readonly detail: string;
  readonly documentation?: string;
  readonly sortText: string;
  /** after inserting a service prefix, ask for its actions */
  readonly retrigger: boolean;
}

/** The service prefix of what is typed, when it has a colon: "s3" for "s3:Get". */
export function servicePrefixOf(typed: string): string | undefined {
  const colon = typed.indexOf(':');
  return colon > 0 ? typed.slice(0, colon) : undefined;
}

/**
 * Completions for the text typed so far in an action string: service prefixes until there is a
 * colon, then the actions of that service (with descriptions when the service detail is loaded)
 * and the service-wide wildcard.
 */
export function actionCompletions(typed: string, view: CatalogView): ActionCompletion[] {
  const prefix = servicePrefixOf(typed);
  if (prefix === undefined) {
    if (typed.includes(':')) return [];
    return view.services.map((service, i) => ({
      kind: 'service',
      label: `${service.prefix}:`,
      insertText: `${service.prefix}:`,
      detail: service.name,
      documentation: `${service.name}: ${service.actions.length} actions`,
      sortText: String(i).padStart(5, '0'),
      retrigger: true,
    }));
  }
  const service = view.service(prefix);
  if (!service) return [];
  const items: ActionCompletion[] = service.actions.map((action, i) => {
    const description = view.actionDetail(service.prefix, action.name)?.description;
    return {
      kind: 'action',
      label: `${service.prefix}:${action.name}`,
      insertText: `${service.prefix}:${action.name}`,
      detail: action.accessLevel,
      ...(description ? { documentation: description } : {}),
      sortText: String(i).padStart(5, '0'),
      retrigger: false,
    };
  });
  items.push({
    kind: 'wildcard',
    label: `${service.prefix}:*`,
    insertText: `${service.prefix}:*`,
    detail: `All ${service.actions.length} actions`,
    documentation: `Every ${service.name} action, including ones AWS adds later. Prefer listing the actions you need.`,
    sortText: '99999',
    retrigger: false,
  });
  return items;
}

/** Escapes text for Markdown so catalog descriptions show as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}

const HOVER_LIST_LIMIT = 12;

/**
 * Markdown for hovering an action string: the action's access level and description, or what a
 * wildcard pattern matches. Undefined when the catalog does not know it (the validator says so).
 */
export function actionHover(value: string, view: CatalogView): string | undefined {
  const prefix = servicePrefixOf(value);
  if (prefix === undefined && value !== '*') return undefined;
  if (!hasWildcard(value)) {
    const name = value.slice(value.indexOf(':') + 1);
    const service = view.service(prefix ?? '');
    const summary = service?.actions.find((a) => a.name.toLowerCase() === name.toLowerCase());
    if (!service || !summary) return undefined;
    const detail = view.actionDetail(service.prefix, summary.name);
    const lines = [`**${service.prefix}:${summary.name}** · ${summary.accessLevel}`];
    if (detail?.description) lines.push(escapeMarkdown(detail.description));
    if (detail?.wildcardOnly)
      lines.push('Supports only `"Resource": "*"`: it has no resource-level permissions.');
    else if (detail && detail.resourceTypes.length > 0) {
      lines.push(
        `Resource types: ${detail.resourceTypes.map((r) => `${escapeMarkdown(r.name)}${r.required ? ' (required)' : ''}`).join(', ')}`,
      );
    }
    lines.push(`${service.name}`);
    return lines.join('\n\n');
  }
  const matched = expandActionPattern(value, view);
  if (matched.length === 0) return `**${escapeMarkdown(value)}** matches no action.`;
  const counts = new Map<AccessLevel, number>();
  for (const a of matched) counts.set(a.accessLevel, (counts.get(a.accessLevel) ?? 0) + 1);
  const levels = ACCESS_LEVELS.filter((level) => counts.has(level))
    .map((level) => `${level} ${counts.get(level)}`)
    .join(' · ');
  const names = matched.slice(0, HOVER_LIST_LIMIT).map((a) => `${a.service}:${a.name}`);
  const more = matched.length > HOVER_LIST_LIMIT ? `, and ${matched.length - HOVER_LIST_LIMIT} more` : '';
  return [
    `**${escapeMarkdown(value)}** matches ${matched.length} ${matched.length === 1 ? 'action' : 'actions'}`,
    levels,
    `${names.join(', ')}${more}`,
  ].join('\n\n');
}
