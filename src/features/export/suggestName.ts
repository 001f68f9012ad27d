/**
 * A managed policy name suggested from what the policy grants: the first services it names, then
 * how much it grants ("ReadOnly", "ListOnly", "FullAccess", "Access"), then "WithMfa" when every
 * statement needs MFA. E.g. "EcsReadOnlyWithMfa", "S3AndEc2Access", "DenyIam".
 */
import type { PolicyModel, StatementView } from '../../policy/model';
import type { EffectSummary, PolicySummary } from '../../policy/summary';
import { pascalCase } from './formats/names';

export const FALLBACK_POLICY_NAME = 'NewPolicy';

const MFA_KEY = 'aws:multifactorauthpresent';

/** Service prefixes in the order the statements name them, each once. */
function prefixesOf(statements: readonly StatementView[]): string[] {
  const prefixes: string[] = [];
  for (const statement of statements) {
    for (const action of statement.action?.values ?? []) {
      const colon = action.indexOf(':');
      if (colon <= 0) continue;
      const prefix = action.slice(0, colon).toLowerCase();
      if (!/[*?]/.test(prefix) && !prefixes.includes(prefix)) prefixes.push(prefix);
    }
  }
  return prefixes;
}

function servicesWord(prefixes: readonly string[]): string {
  const words = prefixes.map((prefix) => pascalCase(prefix, ''));
  const [first = '', second = ''] = words;
  if (words.length === 1) return first;
  if (words.length === 2) return `${first}And${second}`;
  return `${first}${second}AndMore`;
}

function accessWord(prefixes: readonly string[], section: EffectSummary | undefined): string {
  const rows = prefixes.map((prefix) => section?.services.find((row) => row.prefix.toLowerCase() === prefix));
  if (rows.length === 0 || rows.some((row) => row === undefined)) return 'Access';
  const levels = new Set<string>();
  let full = true;
  for (const row of rows) {
    if (!row) continue;
    if (row.access !== 'Full') full = false;
    for (const level of row.levels) if (level.count > 0) levels.add(level.level);
  }
  if (full) return 'FullAccess';
  if (levels.size === 0) return 'Access';
  if ([...levels].every((level) => level === 'List')) return 'ListOnly';
  if ([...levels].every((level) => level === 'List' || level === 'Read')) return 'ReadOnly';
  return 'Access';
}

function needsMfa(statement: StatementView): boolean {
  return statement.conditions.some(
    (entry) =>
      entry.key.toLowerCase() === MFA_KEY &&
      /^Bool(IfExists)?$/.test(entry.operator) &&
      entry.values.length > 0 &&
      entry.values.every((value) => String(value).toLowerCase() === 'true'),
  );
}

export function suggestPolicyName(model: PolicyModel | null, summary: PolicySummary | null): string {
  if (!model) return FALLBACK_POLICY_NAME;
  const allow = model.statements.filter((s) => s.effect === 'Allow');
  const deny = model.statements.filter((s) => s.effect === 'Deny');
  const [statements, section, isDeny] = allow.length > 0 ? [allow, summary?.allow, false] : [deny, summary?.deny, true];
  if (statements.some((s) => s.action?.values.includes('*'))) return isDeny ? 'DenyAll' : 'AdministratorAccess';
  const prefixes = prefixesOf(statements);
  if (prefixes.length === 0) return FALLBACK_POLICY_NAME;
  const services = servicesWord(prefixes);
  if (isDeny) return `Deny${services}`.slice(0, 128);
  const mfa = statements.length > 0 && statements.every(needsMfa) ? 'WithMfa' : '';
  return `${services}${accessWord(prefixes, section)}${mfa}`.slice(0, 128);
}
