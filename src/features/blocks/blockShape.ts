import type { StatementView } from '../../policy/model';

export interface BlockShape {
  /** service prefixes named by Action/NotAction, lower case, in order of first appearance */
  readonly services: readonly string[];
  /** the single service the block edits, when there is exactly one */
  readonly service?: string;
  /**
   * the services of a statement that names actions of several (no other limit): the block edits
   * each in its own section, or splits into one block per service
   */
  readonly several?: readonly string[];
  /** why the visual editor cannot fully show this statement (empty when it can) */
  readonly limits: readonly string[];
}

const EDITABLE_KEYS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'Condition']);

/** What the visual editor can show of a statement, and why not when it cannot. */
export function blockShape(statement: StatementView, chosenService?: string): BlockShape {
  const services = new Set<string>();
  const limits: string[] = [];
  const raw = statement.raw;
  for (const list of [statement.action, statement.notAction]) {
    for (const action of list?.values ?? []) {
      const prefix = action.includes(':') ? action.slice(0, action.indexOf(':')).toLowerCase() : action === '*' ? '*' : action.toLowerCase();
      services.add(prefix);
    }
  }
  if ('NotResource' in raw) limits.push('NotResource');
  if ('Principal' in raw) limits.push('a Principal');
  if ('NotPrincipal' in raw) limits.push('a NotPrincipal');
  if ('Action' in raw && 'NotAction' in raw) limits.push('both Action and NotAction');
  for (const key of ['Action', 'NotAction', 'Resource'] as const) {
    const value = raw[key];
    if (value !== undefined && !(typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')))) {
      limits.push(`a ${key} that is not a string or a list of strings`);
    }
  }
  if (raw.Effect !== undefined && raw.Effect !== 'Allow' && raw.Effect !== 'Deny') limits.push(`the Effect "${String(raw.Effect)}"`);
  if (raw.Condition !== undefined && (typeof raw.Condition !== 'object' || raw.Condition === null || Array.isArray(raw.Condition))) {
    limits.push('a Condition that is not an object');
  }
  if (raw.Sid !== undefined && typeof raw.Sid !== 'string') limits.push('a Sid that is not a string');
  const unknown = Object.keys(raw).filter((k) => !EDITABLE_KEYS.has(k) && !['NotResource', 'Principal', 'NotPrincipal'].includes(k));
  if (unknown.length) limits.push(`the unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`);
  const real = [...services].filter((s) => s !== '*');
  if (services.has('*') || real.some((s) => s.includes('*') || s.includes('?'))) {
    limits.push('an action wildcard that spans services');
  }
  if (limits.length === 0 && real.length > 1) return { services: [...services], limits, several: real };
  const service = limits.length === 0 ? (real[0] ?? chosenService?.toLowerCase()) : undefined;
  return { services: [...services], service, limits };
}
