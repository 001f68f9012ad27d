/**
 * Resource and NotResource: ARN syntax, and whether each ARN fits a resource type of the
 * statement's actions (matched against the types' ARN templates, wildcards on both sides).
 */
import { describeRetiredService } from '../../catalog/retiredServices';
import { hasWildcard, wildcardMatch, wildcardsIntersect } from '../wildcard';
import { splitPolicyArn, templateFieldMatches } from './arnMatch';
import type { CompiledResourceType, TemplateFields } from './catalogIndex';
import type { ListItem, StatementContext, Validation } from './context';
import { listText, q } from './context';
import { variablesAsWildcards } from './variableText';

export const PARTITIONS = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
];
export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

interface Candidates {
  readonly types: readonly CompiledResourceType[];
  /** false when some action's service detail is not loaded (then ARNs are not matched) */
  readonly complete: boolean;
  /** lower-cased services of Action items that did not resolve (unknown or retired) */
  readonly unresolvedServices: ReadonlySet<string>;
  /** the statement has at least one valid action */
  readonly hasActions: boolean;
  /** the types by their template's service (a literal), so an ARN is matched only against its own service's */
  readonly byService: ReadonlyMap<string, readonly CompiledResourceType[]>;
  /** types whose template's service is not a literal (backup's "${Vendor}") */
  readonly anyService: readonly CompiledResourceType[];
}

/** The candidate types an ARN with this (lower-cased, literal) service can match. */
function typesFor(candidates: Candidates, service: string): readonly CompiledResourceType[] {
  const same = candidates.byService.get(service) ?? [];
  return candidates.anyService.length === 0 ? same : [...same, ...candidates.anyService];
}

/** Candidates per validation and per list of actions (statements often repeat their actions). */
const candidateCache = new WeakMap<Validation, Map<string, Candidates>>();

function candidatesOf(v: Validation, statement: StatementContext): Candidates {
  let perRun = candidateCache.get(v);
  if (!perRun) candidateCache.set(v, (perRun = new Map()));
  const key = statement.actionPatterns.map((pattern) => pattern.item.value.toLowerCase()).join('\u0000');
  let candidates = perRun.get(key);
  if (!candidates) {
    candidates = computeCandidates(v, statement);
    if (key.length < 100_000) perRun.set(key, candidates);
  }
  return candidates;
}

function computeCandidates(v: Validation, statement: StatementContext): Candidates {
  const types = new Map<string, CompiledResourceType>();
  let complete = true;
  let hasActions = false;
  const unresolvedServices = new Set<string>();
  const seenActions = new Set<string>();
  for (const pattern of statement.actionPatterns) {
    if (pattern.status !== 'ok') {
      if (pattern.service) unresolvedServices.add(pattern.service);
      continue;
    }
    hasActions = true;
    if (pattern.item.value === '*') {
      // Every action: every resource type of every service.
      for (const service of v.catalog.services) {
        const detail = v.index.detailIndex(service.prefix);
        if (!detail) {
          complete = false;
          continue;
        }
        for (const [name, compiled] of detail.resourceTypes)
          types.set(`${service.prefix.toLowerCase()}\u0000${name}`, compiled);
      }
      continue;
    }
    for (const action of pattern.matches) {
      if (seenActions.has(action.id)) continue;
      seenActions.add(action.id);
      const detail = v.index.detailIndex(action.service);
      if (!detail) {
        complete = false;
        continue;
      }
      const actionDetail = detail.actions.get(action.name.toLowerCase());
      if (!actionDetail) continue;
      const names = new Set<string>();
      for (const ref of actionDetail.resourceTypes) names.add(ref.name);
      for (const scenario of actionDetail.scenarios ?? [])
        for (const ref of scenario.resourceTypes) names.add(ref.name);
      for (const name of names) {
        const compiled = detail.resourceTypes.get(name);
        if (compiled) types.set(`${action.service}\u0000${name}`, compiled);
      }
    }
  }
  const byService = new Map<string, CompiledResourceType[]>();
  const anyService: CompiledResourceType[] = [];
  for (const type of types.values()) {
    const services = new Set(type.templates.map((template) => template[1].text));
    for (const service of services) {
      if (service.includes('$') || hasWildcard(service)) {
        anyService.push(type);
        continue;
      }
      let list = byService.get(service);
      if (!list) byService.set(service, (list = []));
      list.push(type);
    }
  }
  return {
    types: [...types.values()],
    complete,
    unresolvedServices,
    hasActions,
    byService,
    anyService: [...new Set(anyService)],
  };
}

type Fields = readonly [string, string, string, string, string];

/** Field i (0 partition, 1 service, 2 region, 3 account, 4 resource) of some template fits. */
function fieldFits(type: CompiledResourceType, field: number, value: string): boolean {
  return type.templates.some((template) => fieldOf(template, field, value));
}

function fieldOf(template: TemplateFields, field: number, value: string): boolean {
  return templateFieldMatches(template[field] as TemplateFields[number], value);
}

const fitCache = new Map<CompiledResourceType, Map<string, boolean>>();

/** The literal start of a text: up to the first wildcard or variable. */
function literalHead(text: string, marks: string): string {
  for (let i = 0; i < text.length; i++) if (marks.includes(text[i] as string)) return text.slice(0, i);
  return text;
}

/** A policy ARN's fields, with what is computed once per ARN. */
interface PolicyArn {
  readonly fields: Fields;
  readonly key: string;
  /** the resource field's literal start */
  readonly head: string;
}

function policyArn(fields: Fields): PolicyArn {
  return { fields, key: fields.join('\u0000'), head: literalHead(fields[4], '*?$') };
}

const templateHeads = new WeakMap<TemplateFields, string>();

function templateHead(template: TemplateFields): string {
  let head = templateHeads.get(template);
  if (head === undefined) {
    head = literalHead(template[4].text, '$*');
    templateHeads.set(template, head);
  }
  return head;
}

/** Every field of one of the type's templates fits the policy ARN's fields (cached per type). */
function typeMatches(type: CompiledResourceType, arn: PolicyArn): boolean {
  let perType = fitCache.get(type);
  let fits = perType?.get(arn.key);
  if (fits !== undefined) return fits;
  const { fields, head } = arn;
  fits = type.templates.some((template) => {
    // Cheap rejection: the literal starts of the resource fields must agree.
    const other = templateHead(template);
    const n = Math.min(other.length, head.length);
    if (other.slice(0, n) !== head.slice(0, n)) return false;
    return (
      fieldOf(template, 1, fields[1]) &&
      fieldOf(template, 4, fields[4]) &&
      fieldOf(template, 2, fields[2]) &&
      fieldOf(template, 3, fields[3]) &&
      fieldOf(template, 0, fields[0])
    );
  });
  if (!perType) fitCache.set(type, (perType = new Map()));
  if (perType.size > 5_000) perType.clear();
  if (arn.key.length <= 4096) perType.set(arn.key, fits);
  return fits;
}

function typeLabel(type: CompiledResourceType): string {
  return `${type.service} ${type.name} (${type.arn})`;
}

export function checkResources(v: Validation, statement: StatementContext): void {
  const lists = [statement.resource, statement.notResource].filter((list) => list !== undefined);
  if (lists.length === 0 || v.isTrust) return;
  let candidates: Candidates | undefined;
  for (const list of lists) {
    for (const item of list.items) {
      const fields = checkArnSyntax(v, item);
      if (!fields || list.key !== 'Resource' || statement.action === undefined) continue;
      candidates ??= candidatesOf(v, statement);
      checkArnType(v, item, fields, candidates);
    }
  }
}

/** Syntax checks; returns the five fields after "arn:" (variables as wildcards) when they are usable. */
function checkArnSyntax(v: Validation, item: ListItem): [string, string, string, string, string] | undefined {
  const text = item.value;
  if (text === '*') return undefined;
  if (!text.startsWith('arn:')) {
    v.report(
      'invalid-arn-prefix',
      item.pointer,
      text.toLowerCase().startsWith('arn:')
        ? `${q(text)} must start with "arn:" in lower case. Write ${q(`arn:${text.slice(4)}`)}.`
        : `${q(text)} is not an ARN. A resource must be "*" or an ARN of the form "arn:partition:service:region:account:resource", e.g. "arn:aws:s3:::my-bucket".`,
    );
    return undefined;
  }
  const raw = splitPolicyArn(text);
  if (!raw) {
    const count = variablesAsWildcards(text).split(':').length;
    v.report(
      'missing-arn-field',
      item.pointer,
      `${q(text)} has ${count} of the 6 ARN fields. Write it as "arn:partition:service:region:account:resource" (keep empty fields, e.g. "arn:aws:s3:::my-bucket").`,
    );
    return undefined;
  }
  const partition = variablesAsWildcards(raw[0]);
  const service = variablesAsWildcards(raw[1]);
  const region = variablesAsWildcards(raw[2]);
  const account = variablesAsWildcards(raw[3]);
  let usable = true;
  if (partition === '' || !PARTITIONS.some((candidate) => wildcardMatch(partition, candidate))) {
    v.report(
      'invalid-partition',
      item.pointer,
      `The partition ${q(partition)} in ${q(text)} is not valid. Use "aws" (or "aws-cn", "aws-us-gov" for those partitions).`,
    );
    usable = false;
  }
  if (service === '') {
    v.report(
      'missing-arn-field',
      item.pointer,
      `${q(text)} has no service (the third field). Add the service, e.g. "arn:aws:s3:::my-bucket".`,
    );
    return undefined;
  }
  if (hasWildcard(service)) {
    v.report(
      'wildcard-in-service-name',
      item.pointer,
      `${q(text)} has a wildcard in the service field, so it matches resources of every service whose name fits. Name the service.`,
    );
  } else if (service !== service.toLowerCase()) {
    v.report(
      'invalid-arn-service-case',
      item.pointer,
      `The service ${q(service)} in ${q(text)} must be lower case. Write ${q(service.toLowerCase())}.`,
    );
  }
  if (region !== '' && !hasWildcard(region) && !REGION_PATTERN.test(region)) {
    v.report(
      'invalid-arn-region',
      item.pointer,
      `The Region ${q(region)} in ${q(text)} is not a valid Region code. Use a code such as "us-east-1", or "*" for all Regions.`,
    );
    usable = false;
  }
  if (account !== '' && !hasWildcard(account) && !/^\d{12}$/.test(account) && account !== 'aws') {
    v.report(
      'invalid-arn-account',
      item.pointer,
      `The account ${q(account)} in ${q(text)} is not valid. Use a 12-digit account ID (e.g. "123456789012"), or "*".`,
    );
    usable = false;
  }
  if (raw[4] === '') {
    v.report(
      'missing-arn-field',
      item.pointer,
      `${q(text)} has no resource part (the sixth field). Add it, e.g. ${q(`${text}${text.endsWith(':') ? '' : ':'}*`)}.`,
    );
    return undefined;
  }
  return usable ? [raw[0], raw[1].toLowerCase(), raw[2], raw[3], raw[4]] : undefined;
}

function checkArnType(v: Validation, item: ListItem, fields: Fields, candidates: Candidates): void {
  if (!candidates.complete || !candidates.hasActions) return;
  const { types } = candidates;
  const service = fields[1];
  // A wildcard in the service field is reported on its own (wildcard-in-service-name).
  if (hasWildcard(variablesAsWildcards(service))) return;
  const arn = policyArn(fields);
  const relevant = typesFor(candidates, service);
  if (relevant.some((type) => typeMatches(type, arn))) return;
  if ([...candidates.unresolvedServices].some((unresolved) => wildcardsIntersect(unresolved, service)))
    return;
  const text = item.value;
  const sameService = relevant.filter((type) => fieldFits(type, 1, service));
  if (sameService.length > 0) {
    const resourceOk = sameService.filter((type) => fieldFits(type, 4, fields[4]));
    if (resourceOk.length > 0) {
      diagnoseFields(v, item, fields, resourceOk);
      return;
    }
    const others = otherTypesOfService(v, service).filter((type) => typeMatches(type, arn));
    if (others.length > 0) {
      reportUnsupported(v, item, types, others);
      return;
    }
    v.report(
      'invalid-arn-resource',
      item.pointer,
      `The resource part of ${q(text)} does not match any ${service} resource type of this statement's actions. Expected ${listText(
        sameService.map((type) => q(type.arn)),
        3,
      )}.`,
    );
    return;
  }
  reportUnsupported(
    v,
    item,
    types,
    otherTypesOfService(v, service).filter((type) => typeMatches(type, arn)),
  );
}

function otherTypesOfService(v: Validation, service: string): CompiledResourceType[] {
  if (hasWildcard(service)) return [];
  const detail = v.index.detailIndex(service);
  return detail ? [...detail.resourceTypes.values()] : [];
}

function reportUnsupported(
  v: Validation,
  item: ListItem,
  types: readonly CompiledResourceType[],
  matching: readonly CompiledResourceType[],
): void {
  const what =
    matching.length > 0
      ? `an ARN of the resource type ${listText(
          matching.map((type) => `${type.service} ${type.name}`),
          2,
        )}`
      : 'a resource';
  const expected =
    types.length === 0
      ? 'The actions in this statement support no resource types (they need "Resource": "*"), so this ARN grants nothing.'
      : `They apply to ${listText(types.map(typeLabel), 3)}.`;
  const service = item.value.split(':')[2] ?? '';
  const retired = v.index.retiredServiceName(service);
  if (retired !== undefined) {
    v.report(
      'retired-service',
      item.pointer,
      `${q(item.value)} is a resource of ${describeRetiredService(service, retired)}. IAM accepts it, but it matches nothing any more; remove this ARN.`,
    );
    return;
  }
  v.report(
    'unsupported-resource-arn',
    item.pointer,
    `${q(item.value)} is ${what}, which none of this statement's actions applies to. ${expected} Move the ARN to a statement with actions for it, or fix it.`,
  );
}

function diagnoseFields(
  v: Validation,
  item: ListItem,
  fields: Fields,
  types: readonly CompiledResourceType[],
): void {
  const text = item.value;
  const [partition, , region, account] = fields;
  const first = types[0] as CompiledResourceType;
  if (!types.some((type) => fieldFits(type, 2, region))) {
    if (region === '') {
      v.report(
        'missing-arn-region',
        item.pointer,
        `${q(text)} has no Region, but ${typeLabel(first)} needs one. Add a Region such as "us-east-1", or "*".`,
      );
    } else if (types.every((type) => type.templates.every((template) => template[2].text === ''))) {
      v.report(
        'arn-region-not-allowed',
        item.pointer,
        `${first.service} ${first.name} ARNs have no Region (${first.arn}). Remove ${q(region)}: leave the field empty, as in ${q(text.replace(`:${region}:`, '::'))}.`,
      );
    } else {
      v.report(
        'invalid-arn-region',
        item.pointer,
        `The Region ${q(region)} in ${q(text)} does not fit ${first.arn}. Fix the Region.`,
      );
    }
    return;
  }
  if (!types.some((type) => fieldFits(type, 3, account))) {
    if (account === '') {
      v.report(
        'invalid-arn-account',
        item.pointer,
        `${q(text)} has no account, but ${typeLabel(first)} needs one. Add the 12-digit account ID, or "*".`,
      );
    } else if (types.every((type) => type.templates.every((template) => template[3].text === ''))) {
      v.report(
        'arn-account-not-allowed',
        item.pointer,
        `${first.service} ${first.name} ARNs have no account ID (${first.arn}). Remove ${q(account)} and leave the field empty.`,
      );
    } else {
      v.report(
        'invalid-arn-account',
        item.pointer,
        `The account ${q(account)} in ${q(text)} does not fit ${first.arn}. Use a 12-digit account ID, or "*".`,
      );
    }
    return;
  }
  if (!types.some((type) => fieldFits(type, 0, partition))) {
    v.report(
      'invalid-partition',
      item.pointer,
      `The partition ${q(partition)} in ${q(text)} does not fit ${first.arn}.`,
    );
  }
}
