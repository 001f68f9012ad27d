/**
 * A result in words: which statements decided it, which conditions failed and why, and for a
 * denied request what would have to change.
 */
import type {
  ConditionReason,
  EvaluationResult,
  MatchedStatement,
  PolicyScope,
} from '../../policy/evaluate/types';
import { DRAFT_POLICY } from './simulation';

export const DECISION_LABELS: Readonly<Record<EvaluationResult['decision'], string>> = {
  allowed: 'Allowed',
  'explicit-deny': 'Explicit deny',
  'implicit-deny': 'Implicit deny',
};

export interface StatementRef {
  readonly policy: string;
  readonly scope: PolicyScope;
  /** 0-based index in its document */
  readonly index: number;
  readonly sid: string | null;
}

export type LineTone = 'allow' | 'deny' | 'condition' | 'change' | 'note';

export interface ExplanationLine {
  readonly tone: LineTone;
  readonly text: string;
  /** the statement the line is about, when there is one */
  readonly statement?: StatementRef;
}

/** "statement 2 (Sid DenyProd) of the draft" */
export function statementLabel(ref: StatementRef): string {
  const sid = ref.sid === null || ref.sid === '' ? '' : ` (Sid ${ref.sid})`;
  return `statement ${ref.index + 1}${sid} of ${ref.policy}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function refOf(m: MatchedStatement | ConditionReason): StatementRef {
  return { policy: m.policy, scope: m.scope, index: m.index, sid: m.sid };
}

const ALLOW_ROLE: Readonly<Record<PolicyScope, string>> = {
  identity: 'allows it',
  resource: 'allows it',
  boundary: 'allows it within the permissions boundary',
  session: 'allows it within the session policy',
  scp: 'allows it at its SCP level',
};

function values(values: readonly (string | null)[]): string {
  return values.map((v) => (v === null ? '(a policy variable with no value)' : v)).join(', ');
}

/** "the condition aws:MultiFactorAuthPresent Bool true failed: the request has no aws:MultiFactorAuthPresent" */
export function conditionText(r: ConditionReason): string {
  const has =
    r.actual === null
      ? `the request has no ${r.key}`
      : r.actual.length === 0
        ? `the request gives ${r.key} no value`
        : `the request has ${r.key} = ${r.actual.join(', ')}`;
  return `the condition ${r.key} ${r.operator} ${values(r.expected)} failed: ${has}`;
}

/**
 * The lines for one result. `draftAs` is where the draft sits in the policy set (for the advice on
 * what to change), `action` and `resource` the request's.
 */
export function explain(
  result: EvaluationResult,
  action: string,
  resource: string,
  draftAs: PolicyScope,
): ExplanationLine[] {
  const lines: ExplanationLine[] = [];
  const conditions = result.reasons.filter((r): r is ConditionReason => r.kind === 'condition');
  const on = resource === '*' ? `${action} on "*"` : `${action} on this resource`;

  if (result.decision === 'allowed') {
    for (const m of result.matched) {
      lines.push({ tone: 'allow', text: `${capital(statementLabel(m))} ${ALLOW_ROLE[m.scope]}.`, statement: refOf(m) });
    }
    for (const r of conditions) {
      if (r.effect !== 'Deny') continue;
      lines.push({
        tone: 'condition',
        text: `${capital(statementLabel(r))} would deny it, but ${conditionText(r)}.`,
        statement: refOf(r),
      });
    }
  } else if (result.decision === 'explicit-deny') {
    for (const m of result.matched) {
      lines.push({ tone: 'deny', text: `${capital(statementLabel(m))} denies it.`, statement: refOf(m) });
    }
    const first = result.matched[0];
    lines.push({
      tone: 'change',
      text:
        result.matched.length === 1 && first !== undefined
          ? `An explicit deny wins over every allow: for ${action} to be allowed here, ${statementLabel(first)} must stop matching the request (its Action, Resource or Condition) or go.`
          : `An explicit deny wins over every allow: for ${action} to be allowed here, each of these Deny statements must stop matching the request or go.`,
    });
  } else {
    const noAllow = result.reasons.find((r) => r.kind === 'no-allow');
    if (noAllow) lines.push({ tone: 'deny', text: noAllow.message });
    for (const r of conditions) {
      if (r.effect !== 'Allow') continue;
      lines.push({
        tone: 'condition',
        text: `${capital(statementLabel(r))} would allow it, but ${conditionText(r)}.`,
        statement: refOf(r),
      });
    }
    const allowConditions = conditions.filter((r) => r.effect === 'Allow');
    if (allowConditions.length > 0) {
      const keys = [...new Set(allowConditions.map((r) => r.key))];
      const absent = allowConditions.filter((r) => r.actual === null).map((r) => r.key);
      lines.push({
        tone: 'change',
        text:
          absent.length > 0
            ? `To see it allowed, give the request ${[...new Set(absent)].join(' and ')} in the context, with a value the condition accepts.`
            : `To see it allowed, give ${keys.join(' and ')} a value the condition accepts.`,
      });
    } else if (noAllow && noAllow.kind === 'no-allow') {
      const change = changeFor(noAllow.scope, on, draftAs);
      if (change) lines.push({ tone: 'change', text: change });
    }
    for (const r of conditions) {
      if (r.effect !== 'Deny') continue;
      lines.push({
        tone: 'note',
        text: `${capital(statementLabel(r))} does not deny it: ${conditionText(r)}.`,
        statement: refOf(r),
      });
    }
  }
  for (const r of result.reasons) if (r.kind === 'note') lines.push({ tone: 'note', text: r.message });
  return lines;
}

function changeFor(scope: PolicyScope | undefined, on: string, draftAs: PolicyScope): string | undefined {
  const where = (s: PolicyScope, other: string) => (draftAs === s ? 'the draft' : other);
  switch (scope) {
    case 'identity':
      return `No statement allows ${on}: add an Allow for it to ${where('identity', 'an identity-based policy')} (or to the resource-based policy, naming the principal).`;
    case 'boundary':
      return `The permissions boundary caps what identity policies grant: ${where('boundary', 'the boundary')} must allow ${on} too.`;
    case 'scp':
      return `Every SCP level must allow ${on}: add it to the SCP at that level.`;
    case 'session':
      return `A session policy caps the session: ${where('session', 'the session policy')} must allow ${on} too.`;
    case 'resource':
      return `Across accounts both sides must allow: ${where('resource', 'the resource-based policy')} must allow ${on} for this principal, and an identity-based policy too.`;
    default:
      return undefined;
  }
}

/** The draft's statements in a result's lines, for links into the editor. */
export function isDraftStatement(ref: StatementRef | undefined): ref is StatementRef {
  return ref !== undefined && ref.policy === DRAFT_POLICY;
}
