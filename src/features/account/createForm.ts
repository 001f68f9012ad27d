/** The form of "Review and create": kept by the dialog while it is closed, so nothing typed is lost. */
import { descriptionProblem, hasTagProblems, pathProblem, type TagDraft } from '../../policy/iamLimits';

export interface CreateForm {
  /** the name as typed; unused until `nameEdited` (the suggestion shows instead) */
  readonly name: string;
  readonly nameEdited: boolean;
  readonly description: string;
  readonly path: string;
  readonly tags: readonly TagDraft[];
}

export const EMPTY_FORM: CreateForm = { name: '', nameEdited: false, description: '', path: '/', tags: [] };

/** Problems of the fields other than the name (the name has its own check). */
export function formProblems(form: CreateForm): string[] {
  const problems: string[] = [];
  const description = descriptionProblem(form.description);
  if (description) problems.push(description);
  const path = pathProblem(form.path);
  if (path) problems.push(`Path: ${path}`);
  if (hasTagProblems(form.tags)) problems.push('A tag needs fixing (see the message under it).');
  return problems;
}

/** The createPolicy input's optional parts, without empty ones. */
export function createExtras(form: CreateForm): { description?: string; path?: string; tags?: TagDraft[] } {
  return {
    ...(form.description.trim() ? { description: form.description } : {}),
    ...(form.path !== '/' ? { path: form.path } : {}),
    ...(form.tags.length > 0 ? { tags: form.tags.map((t) => ({ key: t.key, value: t.value })) } : {}),
  };
}
