/**
 * Terraform (HCL) for the AWS provider: an aws_iam_policy whose policy is a `jsonencode({...})`
 * expression written in HCL object syntax (as the provider's documentation does), plus
 * aws_iam_{user,group,role}_policy_attachment resources for the targets and an output with the ARN.
 *
 * Escaping: HCL quoted strings are templates, so `${` is written `$${` and `%{` is written `%%{`
 * (IAM policy variables like `${aws:username}` reach IAM unchanged); `"` and `\` are escaped, and
 * control characters written as \n, \r, \t or \uNNNN. Object keys that are not plain identifiers
 * ("aws:username", "s3:prefix", keywords like "null" or "for") are quoted.
 *
 * Not exact: jsonencode writes object keys in lexical order (Terraform objects have no key order),
 * so the policy IAM receives has the same meaning but not the same key order or whitespace.
 */
import type { JsonValue } from '../../../policy/model';
import { isJsonObject } from '../../../policy/json';
import { snakeCase, UniqueNames } from './names';
import type { ExportInput, ExportOutput } from './types';
import { descriptionOf, pathOf, targetsOf } from './types';

const INDENT = '  ';

/** Words HCL reads as something other than a literal key when written bare. */
const RESERVED_KEYS: ReadonlySet<string> = new Set([
  'true',
  'false',
  'null',
  'for',
  'in',
  'if',
  'else',
  'endif',
  'endfor',
]);

/** An HCL quoted string whose value is exactly `value` (no interpolation, no directive). */
export function hclString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const code = value.charCodeAt(i);
    const next = value.charAt(i + 1);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else if ((ch === '$' || ch === '%') && next === '{') out += ch + ch;
    else out += ch;
  }
  return out + '"';
}

/** An object key: bare when it is a plain identifier, quoted otherwise. */
export function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !RESERVED_KEYS.has(key) ? key : hclString(key);
}

function hclNumber(value: number): string {
  if (Number.isNaN(value)) return 'null';
  if (!Number.isFinite(value)) return value > 0 ? '1e999' : '-1e999';
  return String(value);
}

/** An HCL expression for a JSON value, laid out as `terraform fmt` would, starting at `indent`. */
export function hclValue(value: JsonValue, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return hclNumber(value);
  if (typeof value === 'string') return hclString(value);
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item: JsonValue) => `${inner}${hclValue(item, inner)},\n`);
    return `[\n${items.join('')}${indent}]`;
  }
  if (!isJsonObject(value)) return 'null';
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  const entries = keys.map((key) => ({ key: hclKey(key), value: hclValue(value[key] ?? null, inner) }));
  return `{\n${alignedAttributes(entries, inner)}${indent}}`;
}

/**
 * `key = value` lines; as `terraform fmt` does, the `=` of consecutive single-line attributes
 * line up, and a multi-line value ends the group.
 */
function alignedAttributes(entries: readonly { key: string; value: string }[], indent: string): string {
  let out = '';
  let i = 0;
  while (i < entries.length) {
    let end = i;
    while (end < entries.length && !(entries[end]?.value ?? '').includes('\n')) end++;
    const width = Math.max(0, ...entries.slice(i, end).map((entry) => entry.key.length));
    for (let j = i; j < end; j++) {
      const entry = entries[j];
      if (entry) out += `${indent}${entry.key.padEnd(width)} = ${entry.value}\n`;
    }
    const multi = entries[end];
    if (multi) out += `${indent}${multi.key} = ${multi.value}\n`;
    i = end + 1;
  }
  return out;
}

function block(header: string, attributes: readonly { key: string; value: string }[]): string {
  return `${header} {\n${alignedAttributes(attributes, INDENT)}}\n`;
}

/** The Terraform name of the aws_iam_policy resource. */
export function terraformNameOf(name: string): string {
  return snakeCase(name, 'policy');
}

export function toTerraform(input: ExportInput): ExportOutput {
  const resourceName = terraformNameOf(input.name);
  const description = descriptionOf(input);
  const header: { key: string; value: string }[] = [
    { key: 'name', value: hclString(input.name) },
    { key: 'path', value: hclString(pathOf(input)) },
  ];
  if (description !== undefined) header.push({ key: 'description', value: hclString(description) });
  const policy = `jsonencode(${hclValue(input.document, INDENT)})`;
  const blocks: string[] = [
    `resource "aws_iam_policy" ${hclString(resourceName)} {\n` +
      alignedAttributes(header, INDENT) +
      '\n' +
      `${INDENT}policy = ${policy}\n}\n`,
  ];
  const arn = `aws_iam_policy.${resourceName}.arn`;
  const targets = targetsOf(input);
  const kinds = [
    ['user', targets.users],
    ['group', targets.groups],
    ['role', targets.roles],
  ] as const;
  for (const [kind, names] of kinds) {
    const unique = new UniqueNames();
    for (const target of names) {
      const name = unique.take(`${resourceName}_${snakeCase(target, kind)}`, '_');
      blocks.push(
        block(`resource "aws_iam_${kind}_policy_attachment" ${hclString(name)}`, [
          { key: kind, value: hclString(target) },
          { key: 'policy_arn', value: arn },
        ]),
      );
    }
  }
  blocks.push(block(`output ${hclString(`${resourceName}_arn`)}`, [{ key: 'value', value: arn }]));
  const notes = [
    "Terraform's jsonencode writes the policy minified with object keys in lexical order: IAM receives the same policy, but not the same key order or layout.",
  ];
  if (hasNonFiniteNumber(input.document)) {
    notes.push('A number too large for JSON is written as 1e999; check the condition that holds it.');
  }
  return {
    text: blocks.join('\n'),
    filename: `${resourceName}.tf`,
    mediaType: 'text/plain',
    notes,
  };
}

function hasNonFiniteNumber(value: JsonValue): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some((item: JsonValue) => hasNonFiniteNumber(item));
  if (isJsonObject(value)) return Object.keys(value).some((key) => hasNonFiniteNumber(value[key] ?? null));
  return false;
}
