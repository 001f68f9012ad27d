/**
 * The conformance suite: scenarios written from AWS's documentation (each cites its page by title
 * and states the rule), run by ../scenarios.test.ts.
 *
 * Behaviour the documentation leaves open, and what this evaluator chose (scenarios testing a
 * choice say "Choice:" in their rule):
 * - Conditions
 *   - A multivalued request value under an operator without ForAllValues/ForAnyValue: a positive
 *     operator is true when any value matches; a negated one when no value matches.
 *   - …IfExists combined with a qualifier: true for an absent key; an empty set counts as present.
 *   - Null "true" matches an absent key and an empty set; "false" a key with at least one value.
 *   - A request value that does not read as the operator's type (number, date, boolean, base64,
 *     IP address, ARN) matches nothing, so a negated operator is true for it.
 *   - Bool reads "true"/"false" in any case.
 *   - An operator IAM does not know (including NullIfExists) makes its condition false (IAM would
 *     refuse the policy).
 * - Policy variables
 *   - A value holding a variable with no value and no default matches nothing; with a negated
 *     operator the condition is then true (NOR over values that match nothing).
 *   - Variables are resolved in String and ARN operators, Resource and NotResource only; in other
 *     operators "${...}" is plain text.
 *   - A multivalued key (or a key given several values) has no value as a variable.
 *   - Characters a variable brings in are literal: a "*" in a tag value is not a wildcard.
 *   - A text holding U+E000 or U+E001 (the private-use stand-ins for literal "*" and "?") may match
 *     a literal "*" / "?" of a pattern.
 * - Elements
 *   - Resource ARNs are compared part by part like ArnLike (a wildcard stays within its part);
 *     a pattern with fewer than six parts is matched against the whole resource.
 *   - A resource-based policy statement without Resource/NotResource applies to its resource; an
 *     identity-based one without them applies to nothing.
 *   - Statements IAM would refuse (Effect not exactly "Allow"/"Deny", both Action and NotAction,
 *     no Principal in a resource-based policy) are ignored.
 * - Evaluation
 *   - A resource-based Allow naming "*": like naming the role for a role session (limited by
 *     boundary and session policy), like naming the principal itself otherwise.
 *   - A resource-based Allow naming only the account, in the same account, delegates to the
 *     account: the identity-based policies must allow.
 *   - NotPrincipal applies unless every identity of the principal is listed (session ARN, role ARN
 *     and account for a role session; user ARN and account for a user).
 *   - An SCP level with no policies allows nothing.
 */
import { CONDITION_SCENARIOS } from './conditions';
import { ELEMENT_SCENARIOS } from './elements';
import type { Scenario } from './helpers';
import { LOGIC_SCENARIOS } from './logic';
import { VARIABLE_SCENARIOS } from './variables';

export const SCENARIOS: readonly Scenario[] = [
  ...LOGIC_SCENARIOS,
  ...ELEMENT_SCENARIOS,
  ...CONDITION_SCENARIOS,
  ...VARIABLE_SCENARIOS,
];
