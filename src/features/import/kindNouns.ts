import type { PolicyKind } from '../../policy/model';

/** "a managed policy", … as the subject of a sentence about quotas. */
export const KIND_NOUNS: Readonly<Record<PolicyKind, string>> = {
  managed: 'a managed policy',
  'inline-user': 'the inline policies of a user together',
  'inline-group': 'the inline policies of a group together',
  'inline-role': 'the inline policies of a role together',
  trust: 'a role trust policy',
};
