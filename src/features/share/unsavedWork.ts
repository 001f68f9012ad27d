/**
 * Whether opening a shared draft would lose work: the current draft is neither a new empty policy
 * nor the shared draft itself.
 */
import { newPolicy } from '../../policy/edit';
import { newPolicyDocument } from '../../editor/policyReducer';

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

const EMPTY_POLICIES = [JSON.stringify(newPolicyDocument()), JSON.stringify(newPolicy())];

export function hasUnsavedWork(currentText: string, sharedText: string): boolean {
  if (currentText === sharedText || currentText.trim() === '') return false;
  if (EMPTY_POLICIES.some((empty) => sameJson(currentText, empty))) return false;
  return !sameJson(currentText, sharedText);
}
