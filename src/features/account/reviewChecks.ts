/**
 * What stands between the draft and a managed policy in IAM: the findings as a managed policy,
 * the 6,144-character quota, and the characters IAM's API accepts. Used by "Review and create"
 * and "Save as new version".
 */
import type { CatalogView } from '../../catalog/catalog';
import { analyze } from '../../policy/analyze';
import { SIZE_QUOTAS, type Finding, type PolicyKind } from '../../policy/model';
import { policySize } from '../../policy/size';
import { documentCharacterProblem } from '../../policy/iamLimits';

export const MANAGED_QUOTA = SIZE_QUOTAS.managed;

export interface ReviewCheck {
  /** the document as it will be sent: the JSON view's text */
  readonly text: string;
  readonly findings: readonly Finding[];
  readonly errors: readonly Finding[];
  readonly size: number;
  readonly quota: number;
  readonly over: boolean;
  /** why Create (Save) is not possible, each a sentence that says what to do */
  readonly blockers: readonly string[];
}

/** What a closed dialog holds instead of a review (it computes nothing while closed). */
export const CLOSED_REVIEW: ReviewCheck = {
  text: '',
  findings: [],
  errors: [],
  size: 0,
  quota: MANAGED_QUOTA,
  over: false,
  blockers: [],
};

/**
 * `findings` are the editor's findings for `kind`; when the editor checks another kind (e.g. an
 * inline policy), the text is checked again as a managed policy.
 */
export function reviewPolicy(
  text: string,
  kind: PolicyKind,
  findings: readonly Finding[],
  view: CatalogView,
): ReviewCheck {
  const size = policySize(text);
  const quota = MANAGED_QUOTA;
  let all: readonly Finding[] = findings;
  if (kind !== 'managed') all = analyze(text, view, { kind: 'managed' }).findings;
  const errors = all.filter((f) => f.severity === 'error');
  const over = size > quota;
  const blockers: string[] = [];
  const nonSize = errors.filter((f) => !f.code.startsWith('policy-size-exceeds'));
  if (nonSize.length > 0) {
    blockers.push(
      `The policy has ${nonSize.length} error${nonSize.length === 1 ? '' : 's'} that IAM would reject: fix ${nonSize.length === 1 ? 'it' : 'them'} in the editor (listed below and in the Findings tab), then review again.`,
    );
  }
  if (over) {
    blockers.push(
      `This policy is over the ${quota.toLocaleString('en-US')}-character quota (${size.toLocaleString('en-US')} characters): close this dialog and use Compact or Split in the “Over the size quota” banner above the blocks, then review again.`,
    );
  }
  const chars = documentCharacterProblem(text);
  if (chars) blockers.push(chars);
  return { text, findings: all, errors, size, quota, over, blockers };
}
