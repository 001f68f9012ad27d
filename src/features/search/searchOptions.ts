/**
 * What the search box lists for a query: the search's hits, and first, for a wildcard pattern of
 * one service ("s3:Get*"), the pattern itself with how many actions it matches. Pure.
 */
import type { CatalogView } from '../../catalog/catalog';
import type { ActionHit, SearchResult, ServiceHit } from '../../catalog/search';

export interface PatternOption {
  readonly kind: 'pattern';
  /** the entry to add, service prefix in lower case: "s3:Get*" */
  readonly entry: string;
  readonly service: string;
  readonly serviceName: string;
  readonly count: number;
}

export type SearchOption = PatternOption | ServiceHit | ActionHit;

/** The pattern option for a query like "s3:Get*" (a known service, a wildcard in the action part). */
export function patternOption(
  result: SearchResult,
  view: Pick<CatalogView, 'service'>,
): PatternOption | undefined {
  if (!result.pattern) return undefined;
  const text = result.query.replace(/\s+/g, '');
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = text.slice(0, colon).toLowerCase();
  const name = text.slice(colon + 1);
  if (!/^[A-Za-z0-9*?]+$/.test(name) || !/[*?]/.test(name)) return undefined;
  const service = view.service(prefix);
  if (!service || result.actionTotal === 0) return undefined;
  return {
    kind: 'pattern',
    entry: `${service.prefix}:${name}`,
    service: service.prefix,
    serviceName: service.name,
    count: result.actionTotal,
  };
}

/**
 * 22091 → "22,091", as toLocaleString('en-US') writes it, without loading the locale data (tens of
 * ms on its first call) on the first screen's path or the first keystroke's.
 */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function searchOptions(result: SearchResult, view: Pick<CatalogView, 'service'>): SearchOption[] {
  const pattern = patternOption(result, view);
  return pattern ? [pattern, ...result.hits] : [...result.hits];
}

/** The option's text, also its accessible name. */
export function optionLabel(option: SearchOption): string {
  switch (option.kind) {
    case 'pattern':
      return `${option.entry} — matches ${thousands(option.count)} action${option.count === 1 ? '' : 's'}`;
    case 'service':
      return `${option.serviceName} (${option.service}), service, ${thousands(option.actionCount)} actions`;
    case 'action':
      return `${option.service}:${option.action}, ${option.accessLevel}, ${option.serviceName}`;
  }
}

export function optionKey(option: SearchOption): string {
  switch (option.kind) {
    case 'pattern':
      return `pattern:${option.entry}`;
    case 'service':
      return `service:${option.service}`;
    case 'action':
      return `action:${option.service}:${option.action}`;
  }
}
