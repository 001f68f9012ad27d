/**
 * iam-workbench simulate: evaluates one request against the policies given, with AWS's policy
 * evaluation logic (src/policy/evaluate), and says allowed, explicit deny or implicit deny, with
 * the statements that decided it and the conditions that did not hold.
 */
import type { CatalogView } from '../catalog/catalog';
import type { ConditionKeyType } from '../catalog/types';
import { conditionKeyType, isMultivalued } from '../policy/evaluate/keys';
import { evaluate } from '../policy/evaluate/evaluate';
import type { ContextValue, EvaluationResult, NamedPolicy } from '../policy/evaluate/types';
import { readBool, readDate, readIp, readNumber, splitArn } from '../policy/evaluate/values';
import type { JsonValue } from '../policy/model';
import { loadCatalog, readInput } from './files';
import { type CliIo, type Command, EXIT_OK, parseCommandArgs, UsageError } from './io';

const HELP = `Usage: iam-workbench simulate [--policy FILE]... [--boundary FILE] [--scp FILE]...
         [--resource-policy FILE] [--session-policy FILE] --action ACTION --resource ARN
         [--principal ARN] [--context KEY=VALUE[,VALUE...]]... [--format text|json]

Evaluates one request with AWS's policy evaluation logic: an explicit deny in any policy wins;
every SCP level must allow; then, in the same account, an identity-based policy (within the
permissions boundary and the session policy, when given) or the resource-based policy may allow;
across accounts both must.

Options:
  --policy FILE            an identity-based policy (repeatable; may be absent: a resource-based
                           policy alone can allow); "-" reads standard input
  --boundary FILE          the principal's permissions boundary
  --scp FILE               a service control policy; each --scp is one level of the organization
                           (root, OU, account), and every level must allow
  --resource-policy FILE   the resource's resource-based policy
  --session-policy FILE    the session policy
  --action ACTION          the action, e.g. s3:GetObject (required)
  --resource ARN           the resource's ARN, or "*" (required)
  --principal ARN          the principal: a user, role session (arn:aws:sts::ACCOUNT:assumed-role/
                           ROLE/SESSION), role or service principal; sets aws:PrincipalArn,
                           aws:PrincipalAccount and, for a user, aws:username unless given
  --context KEY=VALUE      a request context key (repeatable). A multivalued key (ArrayOf... in
                           the catalog) takes comma-separated values; "KEY=" is an empty set.
                           Values must fit the key's type (Numeric, Date, Bool, IPAddress, ARN).
                           A key not given is absent.
  --format text|json       text (default), or JSON:
                           {"decision": "allowed"|"explicit-deny"|"implicit-deny",
                            "matched": [{"policy": FILE, "index": N, "sid": "..."|null,
                                         "effect": "Allow"|"Deny"}]}

The resource's account is the ARN's account field, else aws:ResourceAccount, else the principal's.

Exit codes: 0 whatever the decision; 2 usage, unreadable file, invalid JSON, bad --context.
`;

async function readPolicy(file: string, io: CliIo): Promise<NamedPolicy> {
  const text = await readInput(file, io);
  try {
    return { name: file, document: JSON.parse(text) as JsonValue };
  } catch (error) {
    throw new UsageError(
      `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const CHECKS: Partial<
  Record<ConditionKeyType, { readonly what: string; readonly ok: (v: string) => boolean }>
> = {
  Numeric: { what: 'a number', ok: (v) => readNumber(v) !== undefined },
  Date: { what: 'a date (ISO 8601 or epoch seconds)', ok: (v) => readDate(v) !== undefined },
  Bool: { what: 'true or false', ok: (v) => readBool(v) !== undefined },
  ArrayOfBool: { what: 'true or false', ok: (v) => readBool(v) !== undefined },
  IPAddress: { what: 'an IP address or CIDR range', ok: (v) => readIp(v) !== undefined },
  ARN: { what: 'an ARN', ok: (v) => splitArn(v) !== undefined },
  ArrayOfARN: { what: 'an ARN', ok: (v) => splitArn(v) !== undefined },
};

/** Parses the --context options; `catalog` types the keys. */
export function parseContext(
  options: readonly string[],
  catalog: CatalogView | undefined,
): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const option of options) {
    const equals = option.indexOf('=');
    const key = equals > 0 ? option.slice(0, equals).trim() : '';
    if (equals <= 0 || key === '' || /\s/.test(key)) {
      throw new UsageError(`--context takes KEY=VALUE[,VALUE...], not "${option}"`);
    }
    const text = option.slice(equals + 1);
    const type = catalog === undefined ? undefined : conditionKeyType(key, catalog);
    // A key the catalog does not know is multivalued when given several values.
    const multivalued = type === undefined ? text.includes(',') : isMultivalued(type);
    let value: ContextValue;
    if (text === '') value = [];
    else if (multivalued) value = text.split(',').map((v) => v.trim());
    else value = text;
    const check = type === undefined ? undefined : CHECKS[type];
    for (const v of typeof value === 'string' ? [value] : value) {
      if (check !== undefined && !check.ok(v)) {
        throw new UsageError(
          `--context ${key}: "${v}" is not ${check.what} (the key is of type ${type ?? ''})`,
        );
      }
    }
    if (Object.keys(context).some((k) => k.toLowerCase() === key.toLowerCase())) {
      throw new UsageError(`--context ${key} is given twice`);
    }
    context[key] = value;
  }
  return context;
}

function has(context: Record<string, ContextValue>, key: string): boolean {
  const lower = key.toLowerCase();
  return Object.keys(context).some((k) => k.toLowerCase() === lower);
}

/** aws:PrincipalArn, aws:PrincipalAccount and (for a user) aws:username, unless given. */
function derive(context: Record<string, ContextValue>, principal: string | undefined): void {
  if (principal === undefined) return;
  const parts = splitArn(principal);
  if (parts === undefined) return;
  if (!has(context, 'aws:PrincipalArn')) context['aws:PrincipalArn'] = principal;
  const account = parts[4];
  if (account !== undefined && account !== '' && !has(context, 'aws:PrincipalAccount')) {
    context['aws:PrincipalAccount'] = account;
  }
  const resource = parts[5] ?? '';
  if (parts[2] === 'iam' && resource.startsWith('user/') && !has(context, 'aws:username')) {
    context['aws:username'] = resource.slice(resource.lastIndexOf('/') + 1);
  }
}

const DECISION_TEXT = {
  allowed: 'ALLOWED',
  'explicit-deny': 'DENIED (explicit deny)',
  'implicit-deny': 'DENIED (implicit deny)',
};

function where(policy: string, index: number, sid: string | null): string {
  return `${policy} statement ${index}${sid === null || sid === '' ? '' : ` (Sid "${sid}")`}`;
}

function textReport(result: EvaluationResult, action: string, resource: string): string {
  const lines = [`${DECISION_TEXT[result.decision]}: ${action} on ${resource}`];
  if (result.matched.length > 0) {
    lines.push('', result.decision === 'allowed' ? 'Allowed by:' : 'Denied by:');
    for (const m of result.matched)
      lines.push(`  ${m.effect.padEnd(5)} ${where(m.policy, m.index, m.sid)} [${m.scope}]`);
  }
  const conditions = result.reasons.filter((r) => r.kind === 'condition');
  if (conditions.length > 0) {
    lines.push('', 'Statements whose conditions did not hold:');
    for (const r of conditions)
      lines.push(`  ${r.effect.padEnd(5)} ${where(r.policy, r.index, r.sid)}: ${r.message}`);
  }
  for (const r of result.reasons) {
    if (r.kind === 'no-allow') lines.push('', `Why: ${r.message}`);
    else if (r.kind === 'note') lines.push('', `Note: ${r.message}`);
  }
  return `${lines.join('\n')}\n`;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs({
    args: [...args],
    allowPositionals: false,
    options: {
      policy: { type: 'string', multiple: true },
      boundary: { type: 'string' },
      scp: { type: 'string', multiple: true },
      'resource-policy': { type: 'string' },
      'session-policy': { type: 'string' },
      action: { type: 'string' },
      resource: { type: 'string' },
      principal: { type: 'string' },
      context: { type: 'string', multiple: true },
      format: { type: 'string' },
    },
  });
  const o = parsed.values;
  const format = o.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not "${format}"`);
  if (o.action === undefined || o.action.trim() === '') throw new UsageError('--action is required');
  if (o.resource === undefined || o.resource.trim() === '') throw new UsageError('--resource is required');
  const action = o.action.trim();
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(action)) {
    throw new UsageError(`--action takes service:Action, e.g. s3:GetObject, not "${action}"`);
  }
  const contextOptions = o.context ?? [];
  const catalog = contextOptions.length > 0 ? (await loadCatalog(io)).view : undefined;
  const context = parseContext(contextOptions, catalog);
  derive(context, o.principal);

  const identityPolicies = await Promise.all((o.policy ?? []).map((f) => readPolicy(f, io)));
  const scps = await Promise.all((o.scp ?? []).map(async (f) => [await readPolicy(f, io)]));
  const boundary = o.boundary === undefined ? undefined : await readPolicy(o.boundary, io);
  const sessionPolicy =
    o['session-policy'] === undefined ? undefined : await readPolicy(o['session-policy'], io);
  const resourcePolicy =
    o['resource-policy'] === undefined ? undefined : await readPolicy(o['resource-policy'], io);

  const result = evaluate(
    {
      identityPolicies,
      scps,
      ...(boundary === undefined ? {} : { boundary }),
      ...(sessionPolicy === undefined ? {} : { sessionPolicy }),
      ...(resourcePolicy === undefined ? {} : { resourcePolicy }),
      request: {
        principal: { arn: o.principal ?? '(unspecified principal)' },
        action,
        resource: o.resource.trim(),
        context,
      },
    },
    catalog,
  );
  if (format === 'json') {
    const out = {
      decision: result.decision,
      matched: result.matched.map((m) => ({
        policy: m.policy,
        index: m.index,
        sid: m.sid,
        effect: m.effect,
      })),
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout(textReport(result, action, o.resource.trim()));
  }
  return EXIT_OK;
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'evaluate a request against policies: allowed, explicit deny or implicit deny',
  help: HELP,
  run,
};
