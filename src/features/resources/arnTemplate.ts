/**
 * ARN templates of resource types ("arn:${Partition}:s3:::${BucketName}/${ObjectName}"): their
 * parts, building an ARN from part values, matching an ARN against a template, and checking the
 * value of each part.
 */

/** The partitions a user picks from (others are kept when an ARN already has them). */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export const DEFAULT_PARTITION = 'aws';

export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT_PATTERN = /^\d{12}$/;
const PARTITION_PATTERN = /^aws(-[a-z]+)*$/;

/** What a part of the template is: the ARN's partition, region or account, or a part of the resource. */
export type ArnPartKind = 'partition' | 'region' | 'account' | 'resource';

export interface ArnPart {
  /** the variable's name as the template writes it, e.g. "BucketName" */
  readonly name: string;
  readonly kind: ArnPartKind;
}

export type TemplateToken = { readonly literal: string } | { readonly variable: string };

export interface ArnTemplate {
  readonly template: string;
  readonly tokens: readonly TemplateToken[];
  /** the variables in order of first appearance, each once */
  readonly parts: readonly ArnPart[];
  /** how many literal characters the template has: more means more specific */
  readonly literalLength: number;
  readonly hasRegion: boolean;
  readonly hasAccount: boolean;
  /** matches an ARN, one capture group per token variable (repeats included) */
  readonly regex: RegExp;
}

export type PartValues = Readonly<Record<string, string>>;

const VARIABLE = /\$\{([^}]*)\}/g;

/** The kind of a variable, from the ARN field it sits in (fields: arn:partition:service:region:account:resource). */
function kindOf(field: number): ArnPartKind {
  if (field === 1) return 'partition';
  if (field === 3) return 'region';
  if (field === 4) return 'account';
  return 'resource';
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const templateCache = new Map<string, ArnTemplate>();

/** Parses an ARN template. The result is cached by template text. */
export function parseArnTemplate(template: string): ArnTemplate {
  const cached = templateCache.get(template);
  if (cached) return cached;
  const tokens: TemplateToken[] = [];
  const fields: number[] = [];
  let last = 0;
  let colons = 0;
  const countColons = (text: string) => {
    for (const c of text) if (c === ':') colons++;
  };
  for (const match of template.matchAll(VARIABLE)) {
    const index = match.index;
    if (index > last) {
      const literal = template.slice(last, index);
      tokens.push({ literal });
      fields.push(-1);
      countColons(literal);
    }
    tokens.push({ variable: match[1] ?? '' });
    fields.push(Math.min(colons, 5));
    last = index + match[0].length;
  }
  if (last < template.length) {
    tokens.push({ literal: template.slice(last) });
    fields.push(-1);
  }

  const parts: ArnPart[] = [];
  const seen = new Set<string>();
  let literalLength = 0;
  const variableIndexes: number[] = [];
  tokens.forEach((token, i) => {
    if ('literal' in token) {
      literalLength += token.literal.length;
      return;
    }
    variableIndexes.push(i);
    if (seen.has(token.variable)) return;
    seen.add(token.variable);
    parts.push({ name: token.variable, kind: kindOf(fields[i] ?? 5) });
  });
  const lastVariable = variableIndexes[variableIndexes.length - 1];
  const source = tokens
    .map((token, i) => {
      if ('literal' in token) return escapeRegex(token.literal);
      // Partition, region and account never hold a colon; resource parts may (policy variables,
      // qualified names). The last resource part takes the rest; earlier ones as little as they can.
      if ((fields[i] ?? 5) < 5) return '([^:]*)';
      return i === lastVariable ? '(.*)' : '(.*?)';
    })
    .join('');
  const result: ArnTemplate = {
    template,
    tokens,
    parts,
    literalLength,
    hasRegion: parts.some((p) => p.kind === 'region'),
    hasAccount: parts.some((p) => p.kind === 'account'),
    regex: new RegExp(`^${source}$`, 's'),
  };
  templateCache.set(template, result);
  return result;
}

/** The ARN the template gives with these part values (a missing value is left empty). */
export function buildArn(template: ArnTemplate, values: PartValues): string {
  return template.tokens.map((token) => ('literal' in token ? token.literal : (values[token.variable] ?? ''))).join('');
}

/**
 * The part values of an ARN that fits the template, or undefined when it does not fit. Parts may
 * come back empty (an ARN being filled in); a variable the template repeats must have one value.
 */
export function matchArn(template: ArnTemplate, arn: string): Record<string, string> | undefined {
  const match = template.regex.exec(arn);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  let group = 1;
  for (const token of template.tokens) {
    if ('literal' in token) continue;
    const value = match[group++] ?? '';
    const previous = values[token.variable];
    if (previous !== undefined && previous !== value) return undefined;
    values[token.variable] = value;
  }
  return values;
}

/** True when the value uses a wildcard or a policy variable, so its format is not checked. */
function isPattern(value: string): boolean {
  return value.includes('*') || value.includes('?') || value.includes('${');
}

/** The problem with a part's value, or undefined when it is fine. "*" (Any) is always fine. */
export function checkPart(part: ArnPart, value: string): string | undefined {
  if (value === '') {
    switch (part.kind) {
      case 'partition':
        return 'Choose a partition';
      case 'region':
        return 'Enter a Region, e.g. us-east-1, or choose Any';
      case 'account':
        return 'Enter a 12-digit account ID, or choose Any';
      case 'resource':
        return `Enter the ${part.name}, or choose Any`;
    }
  }
  if (/\s/.test(value)) return 'No spaces allowed';
  if (value === '*' || isPattern(value)) {
    if (part.kind !== 'resource' && value.includes(':') && !value.includes('${')) return 'No colons allowed here';
    return undefined;
  }
  switch (part.kind) {
    case 'partition':
      return PARTITION_PATTERN.test(value) ? undefined : 'Not a partition: use aws, aws-cn or aws-us-gov';
    case 'region':
      return REGION_PATTERN.test(value) ? undefined : 'Not a Region: use the form us-east-1';
    case 'account':
      return ACCOUNT_PATTERN.test(value) ? undefined : 'An account ID is 12 digits';
    case 'resource':
      return undefined;
  }
}

/** The problems of all parts of a set of values, by part name (only the parts with a problem). */
export function checkParts(template: ArnTemplate, values: PartValues): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const part of template.parts) {
    const problem = checkPart(part, values[part.name] ?? '');
    if (problem) problems[part.name] = problem;
  }
  return problems;
}

/** Empty values for a new ARN: the default partition, everything else blank. */
export function emptyValues(template: ArnTemplate): Record<string, string> {
  const values: Record<string, string> = {};
  for (const part of template.parts) values[part.name] = part.kind === 'partition' ? DEFAULT_PARTITION : '';
  return values;
}

/** "Any in this account": every part "*" except the partition and the account. */
export function anyInAccount(template: ArnTemplate, values: PartValues, account: string): Record<string, string> {
  const next: Record<string, string> = {};
  for (const part of template.parts) {
    if (part.kind === 'partition') next[part.name] = values[part.name] || DEFAULT_PARTITION;
    else if (part.kind === 'account') next[part.name] = account;
    else next[part.name] = '*';
  }
  return next;
}

/** "BucketName" → "bucket name", "AccessPointName" → "access point name", "ARN" stays. */
export function humanizePartName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .map((word) => (/^[A-Z0-9]+$/.test(word) && word.length > 1 ? word : word.toLowerCase()))
    .join(' ');
}
