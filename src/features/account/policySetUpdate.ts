/**
 * Keeping a policy set current, as plain data: what a set was built from (recorded in its parts'
 * tags at creation), the draft a set opens as, the newer reference with the same exclusions, and
 * the steps that save a re-packed set over the parts in the account (a new default version per
 * kept part, new parts created and attached, surplus parts deleted), with what a retry redoes.
 * Nothing here calls the server.
 */
import type { ApiErrorInfo, PolicySetInfo, TagInput } from '../../api/contract';
import { POLICY_SET_TAG } from '../../api/contract';
import type { CatalogView } from '../../catalog/catalog';
import type { PolicySetOrigin } from '../../editor/policyReducer';
import { actionElement, statementObjects } from '../../policy/grants';
import { TAG_VALUE_MAX } from '../../policy/iamLimits';
import { getMember } from '../../policy/json';
import type { JsonObject, JsonValue } from '../../policy/model';
import { removeRetiredActions } from '../../policy/retired';
import { planExclusion } from '../import/excludePlan';
import { PART_TAG, setPartNames } from './policySetCreation';

/** "ReadOnlyAccess@v188": the AWS managed policy a set was built from, and its version. */
export const SOURCE_TAG = 'iam-workbench:source';
/** "s3 ec2": services excluded from the reference (IAM tag values allow no commas). */
export const EXCLUDED_TAG = 'iam-workbench:excluded';
/** "removed": the retired services' actions were removed from the reference. */
export const RETIRED_TAG = 'iam-workbench:retired';

export interface SetReference {
  readonly policyName: string;
  readonly version: string;
  /** service prefixes, sorted */
  readonly excluded: readonly string[];
  readonly retiredRemoved: boolean;
}

/** The tags that record a set's reference; none when there is no reference or it does not fit a tag. */
export function referenceTags(reference: SetReference | undefined): TagInput[] {
  if (!reference) return [];
  const excluded = reference.excluded.join(' ');
  if (excluded.length > TAG_VALUE_MAX) return []; // not recorded rather than recorded wrong
  return [
    { key: SOURCE_TAG, value: `${reference.policyName}@${reference.version}` },
    ...(excluded ? [{ key: EXCLUDED_TAG, value: excluded }] : []),
    ...(reference.retiredRemoved ? [{ key: RETIRED_TAG, value: 'removed' }] : []),
  ];
}

const tagValue = (tags: readonly TagInput[], key: string): string | undefined =>
  tags.find((t) => t.key.toLowerCase() === key)?.value;

/** The reference recorded in a part's tags. */
export function readReference(tags: readonly TagInput[]): SetReference | undefined {
  const source = /^(.+)@(v\d+)$/.exec(tagValue(tags, SOURCE_TAG) ?? '');
  if (!source?.[1] || !source[2]) return undefined;
  return {
    policyName: source[1],
    version: source[2],
    excluded: (tagValue(tags, EXCLUDED_TAG) ?? '').split(/\s+/).filter((s) => s !== ''),
    retiredRemoved: tagValue(tags, RETIRED_TAG) === 'removed',
  };
}

/** Service prefixes that Allow statements name literally ("s3:Get*" → "s3"), lower case. */
export function servicesNamed(document: JsonValue): Set<string> {
  const services = new Set<string>();
  for (const statement of statementObjects(document)) {
    if (getMember(statement, 'Effect') !== 'Allow') continue;
    const element = actionElement(statement);
    if (element?.key !== 'Action') continue;
    for (const entry of element.values) {
      const colon = entry.indexOf(':');
      const prefix = colon > 0 ? entry.slice(0, colon) : '';
      if (prefix !== '' && !/[*?]/.test(prefix)) services.add(prefix.toLowerCase());
    }
  }
  return services;
}

function isRetired(prefix: string, view: CatalogView): boolean {
  return !view.service(prefix) && Object.prototype.hasOwnProperty.call(view.retiredServices, prefix);
}

/**
 * What a draft built from an AWS managed policy was built from: the reference (the one AWS
 * managed policy its imported blocks name, at their version), the services of the reference the
 * draft no longer names (excluded), and whether the retired services' actions were removed.
 * undefined when the blocks name no AWS managed policy, or more than one.
 */
export function draftReference(
  draft: JsonValue,
  sources: readonly (
    { readonly policyName: string; readonly policyArn?: string; readonly version?: string } | undefined
  )[],
  reference: { readonly name: string; readonly document: JsonValue } | undefined,
  view: CatalogView,
): SetReference | undefined {
  const managed = sources.filter(
    (s): s is { policyName: string; policyArn?: string; version: string } =>
      s !== undefined &&
      s.version !== undefined &&
      (s.policyArn === undefined || s.policyArn.startsWith('arn:aws:iam::aws:policy/')),
  );
  const names = new Set(managed.map((s) => s.policyName));
  const first = managed[0];
  if (!first || names.size !== 1 || !reference || reference.name !== first.policyName) return undefined;
  const named = servicesNamed(draft);
  const referenced = [...servicesNamed(reference.document)];
  const retired = referenced.filter((p) => isRetired(p, view));
  return {
    policyName: first.policyName,
    version: first.version,
    excluded: referenced.filter((p) => view.service(p) !== undefined && !named.has(p)).sort(),
    retiredRemoved: retired.length > 0 && retired.every((p) => !named.has(p)),
  };
}

/** The part's number in its set ("3/8" → 3), or undefined. */
function partNumber(tags: readonly TagInput[]): number | undefined {
  const match = /^(\d+)\/\d+$/.exec(tagValue(tags, PART_TAG) ?? '');
  return match ? Number(match[1]) : undefined;
}

/** What a draft opened from `set` remembers (parts in part order, every target of any part). */
export function originOf(set: PolicySetInfo): PolicySetOrigin {
  const parts = [...set.parts].sort(
    (a, b) =>
      (partNumber(a.tags) ?? Number.MAX_SAFE_INTEGER) - (partNumber(b.tags) ?? Number.MAX_SAFE_INTEGER) ||
      a.policy.name.localeCompare(b.policy.name, 'en', { numeric: true }),
  );
  const seen = new Set<string>();
  const attachedTo = parts
    .flatMap((p) => p.attachedTo)
    .filter((t) => {
      const key = `${t.kind}:${t.name.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const reference = parts.map((p) => readReference(p.tags)).find((r) => r !== undefined);
  const description = parts[0]?.policy.description;
  return {
    kind: 'policySet',
    name: set.name,
    ...(description ? { description } : {}),
    parts: parts.map((p) => ({
      name: p.policy.name,
      arn: p.policy.arn,
      versionId: p.policy.defaultVersionId,
    })),
    attachedTo: attachedTo.map(({ kind, name }) => ({ kind, name })),
    ...(reference ? { reference: { policyName: reference.policyName, version: reference.version } } : {}),
    excluded: reference?.excluded ?? [],
    retiredRemoved: reference?.retiredRemoved ?? false,
  };
}

/** One document holding every part's statements, in part order: the set as one draft. */
export function unionDocument(documents: readonly JsonValue[]): JsonObject {
  return { Version: '2012-10-17', Statement: documents.flatMap((d) => statementObjects(d)) };
}

/**
 * The newer reference with the set's exclusions applied again (wildcards that span services
 * written out per service, which allows less, never more) and, when the set had them removed,
 * without the retired services' actions. `error` when an exclusion does not check out.
 */
export function referenceTarget(
  latest: JsonValue,
  origin: Pick<PolicySetOrigin, 'excluded' | 'retiredRemoved'>,
  view: CatalogView,
): { readonly document: JsonValue; readonly error?: string } {
  let document = latest;
  for (const service of origin.excluded) {
    const plan = planExclusion(document, service, view, 'expand');
    if (plan.error) return { document, error: `Excluding ${service}: ${plan.error}` };
    document = plan.document;
  }
  if (origin.retiredRemoved) document = removeRetiredActions(document, view).document;
  return { document };
}

export type SetStep =
  | { readonly kind: 'version'; readonly name: string; readonly arn: string; readonly document: JsonObject }
  | { readonly kind: 'create'; readonly name: string; readonly document: JsonObject }
  | { readonly kind: 'delete'; readonly name: string; readonly arn: string };

/**
 * The steps that make the account's parts hold `documents`: a new version of each kept part (in
 * part order), new parts named after the set ("Stem-9") when there are more documents than parts,
 * and the surplus parts deleted when there are fewer.
 */
export function planSetUpdate(
  origin: Pick<PolicySetOrigin, 'name' | 'parts'>,
  documents: readonly JsonObject[],
): SetStep[] {
  const names = setPartNames(origin.name, Math.max(documents.length, origin.parts.length));
  const taken = new Set(origin.parts.map((p) => p.name.toLowerCase()));
  const fresh = names.filter((n) => !taken.has(n.toLowerCase()));
  const steps: SetStep[] = [];
  documents.forEach((document, index) => {
    const part = origin.parts[index];
    if (part) steps.push({ kind: 'version', name: part.name, arn: part.arn, document });
    else steps.push({ kind: 'create', name: fresh.shift() ?? `${origin.name}-${index + 1}`, document });
  });
  for (const part of origin.parts.slice(documents.length))
    steps.push({ kind: 'delete', name: part.name, arn: part.arn });
  return steps;
}

/** The tags of part `index` of `count` after an update (the set's name, its place, its reference). */
export function updatedPartTags(
  stem: string,
  index: number,
  count: number,
  reference: SetReference | undefined,
): TagInput[] {
  return [
    { key: POLICY_SET_TAG, value: stem },
    { key: PART_TAG, value: `${index + 1}/${count}` },
    ...referenceTags(reference),
  ];
}

export type StepState =
  | { readonly status: 'waiting' }
  /** `versionId` of the new default version; `arn` of a created part; `note` says what was done */
  | { readonly status: 'done'; readonly note: string; readonly versionId?: string; readonly arn?: string }
  /** `progress` keeps what was done before the failure, so that a retry does not do it twice */
  | {
      readonly status: 'failed';
      readonly error: ApiErrorInfo;
      readonly progress?: { readonly versionId?: string; readonly arn?: string };
    };

/** The steps a run (or a retry) does: those not done. */
export function stepsToRun(states: readonly StepState[]): number[] {
  return states.flatMap((state, index) => (state.status === 'done' ? [] : [index]));
}

export interface UpdateOutcome {
  readonly done: number;
  readonly failed: number;
  readonly steps: number;
}

export function updateOutcome(states: readonly StepState[]): UpdateOutcome {
  return {
    done: states.filter((s) => s.status === 'done').length,
    failed: states.filter((s) => s.status === 'failed').length,
    steps: states.length,
  };
}
