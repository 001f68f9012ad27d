/**
 * AWS CDK v2 (TypeScript): a Stack class with one iam.ManagedPolicy built from iam.PolicyStatement
 * objects, the targets imported by name (iam.User.fromUserName, ...), and a CfnOutput with the ARN.
 *
 * String literals are written with JSON.stringify (plus U+2028/U+2029 escaped), which is a valid TS
 * string literal for any text; `${aws:username}` in a "..." literal is plain text. No template
 * literals are ever written.
 *
 * iam.PolicyStatement cannot carry every document: CDK always writes Version 2012-10-17, has no Id,
 * rejects actions outside /^(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*]+)$/ (so "s3:Get?bject"), non-alphanumeric
 * Sids, statements without a resource, and unknown keys. For such a document the export writes an
 * iam.CfnManagedPolicy with the document as it is, and says why in a comment and in the notes.
 * A Principal (never valid in an identity policy) is left out of its statement, with a comment.
 */
import type { JsonObject, JsonValue } from '../../../policy/model';
import { isJsonObject } from '../../../policy/json';
import { kebabCase, pascalCase, UniqueNames } from './names';
import type { ExportInput, ExportOutput } from './types';
import { descriptionOf, pathOf, targetsOf } from './types';

const INDENT = '  ';
const LINE_WIDTH = 100;

/** CDK's own check on actions (PolicyStatement.validatePolicyActions). */
const CDK_ACTION = /^(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*]+)$/;
const CDK_SID = /^[0-9A-Za-z]*$/;
const STATEMENT_KEYS: ReadonlySet<string> = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
  'Principal',
  'NotPrincipal',
]);

/** A TS string literal whose value is exactly `value`. */
export function tsString(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A property name in an object literal: bare when an identifier; "__proto__" computed, so it stays an own key. */
export function tsKey(key: string): string {
  if (key === '__proto__') return `[${tsString(key)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : tsString(key);
}

function tsNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

/** A TS expression for a JSON value, laid out from `indent`; short arrays and objects stay on one line. */
export function tsValue(value: JsonValue, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return tsNumber(value);
  if (typeof value === 'string') return tsString(value);
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item: JsonValue) => tsValue(item, inner));
    const flat = `[${items.join(', ')}]`;
    if (!flat.includes('\n') && indent.length + flat.length <= LINE_WIDTH - 20) return flat;
    return `[\n${items.map((item) => `${inner}${item},\n`).join('')}${indent}]`;
  }
  if (!isJsonObject(value)) return 'null';
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  const entries = keys.map((key) => `${tsKey(key)}: ${tsValue(value[key] ?? null, inner)}`);
  const flat = `{ ${entries.join(', ')} }`;
  if (!flat.includes('\n') && indent.length + flat.length <= LINE_WIDTH - 20) return flat;
  return `{\n${entries.map((entry) => `${inner}${entry},\n`).join('')}${indent}}`;
}

/** Text for a `//` comment: line terminators would end it early, so they become spaces. */
function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function stringList(value: JsonValue | undefined): readonly string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
    return value as readonly string[];
  }
  return undefined;
}

/** The statements, when iam.PolicyStatement can express the document; otherwise why not. */
export function cdkStatements(document: JsonValue): { statements: JsonObject[] } | { reasons: string[] } {
  if (!isJsonObject(document)) return { reasons: ['the document is not a JSON object'] };
  const reasons: string[] = [];
  for (const key of Object.keys(document)) {
    if (key === 'Version' || key === 'Statement') continue;
    reasons.push(
      key === 'Id'
        ? 'iam.PolicyDocument has no Id'
        : `the document has a key ${JSON.stringify(key)} CDK does not write`,
    );
  }
  if (document.Version !== '2012-10-17') reasons.push('CDK always writes Version 2012-10-17');
  const raw = document.Statement;
  const list: readonly JsonValue[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (list.length === 0) reasons.push('CDK refuses a managed policy without statements');
  const statements: JsonObject[] = [];
  list.forEach((statement: JsonValue, index) => {
    const at = `statement ${index + 1}`;
    if (!isJsonObject(statement)) {
      reasons.push(`${at} is not an object`);
      return;
    }
    statements.push(statement);
    for (const key of Object.keys(statement)) {
      if (!STATEMENT_KEYS.has(key))
        reasons.push(`${at} has a key ${JSON.stringify(key)} iam.PolicyStatement does not write`);
    }
    const sid = statement.Sid;
    if (sid !== undefined && (typeof sid !== 'string' || !CDK_SID.test(sid))) {
      reasons.push(`CDK accepts only letters and digits in a Sid (${at})`);
    }
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')
      reasons.push(`${at} has no Effect of Allow or Deny`);
    const hasAction = statement.Action !== undefined;
    const hasNotAction = statement.NotAction !== undefined;
    if (hasAction === hasNotAction) reasons.push(`${at} needs exactly one of Action and NotAction`);
    for (const key of ['Action', 'NotAction'] as const) {
      if (statement[key] === undefined) continue;
      const actions = stringList(statement[key]);
      if (!actions) reasons.push(`${at} has a ${key} that is not a string or a non-empty list of strings`);
      const invalid = actions?.filter((action) => !CDK_ACTION.test(action)) ?? [];
      if (invalid.length > 0) reasons.push(`CDK rejects the action ${JSON.stringify(invalid[0])} (${at})`);
    }
    const hasResource = statement.Resource !== undefined;
    const hasNotResource = statement.NotResource !== undefined;
    if (hasResource === hasNotResource) reasons.push(`${at} needs exactly one of Resource and NotResource`);
    for (const key of ['Resource', 'NotResource'] as const) {
      if (statement[key] !== undefined && !stringList(statement[key])) {
        reasons.push(`${at} has a ${key} that is not a string or a non-empty list of strings`);
      }
    }
    const condition = statement.Condition;
    if (
      condition !== undefined &&
      (!isJsonObject(condition) || !Object.keys(condition).every((op) => isJsonObject(condition[op])))
    ) {
      reasons.push(`${at} has a Condition that is not an object of operator blocks`);
    }
  });
  return reasons.length > 0 ? { reasons } : { statements };
}

function policyStatement(statement: JsonObject, indent: string, notes: string[], index: number): string {
  const inner = indent + INDENT;
  const lines: string[] = [];
  if (typeof statement.Sid === 'string') lines.push(`sid: ${tsString(statement.Sid)},`);
  lines.push(`effect: iam.Effect.${statement.Effect === 'Deny' ? 'DENY' : 'ALLOW'},`);
  const lists = [
    ['Action', 'actions'],
    ['NotAction', 'notActions'],
    ['Resource', 'resources'],
    ['NotResource', 'notResources'],
  ] as const;
  for (const [key, prop] of lists) {
    const values = stringList(statement[key]);
    if (values) lines.push(`${prop}: ${tsValue(values, inner)},`);
  }
  if (statement.Condition !== undefined) lines.push(`conditions: ${tsValue(statement.Condition, inner)},`);
  for (const key of ['Principal', 'NotPrincipal'] as const) {
    const principal = statement[key];
    if (principal === undefined) continue;
    lines.push(
      `// Left out: ${key} ${commentText(JSON.stringify(principal))}`,
      `// An identity policy cannot name a principal (IAM rejects it); a principal belongs in a trust or resource policy.`,
    );
    notes.push(
      `Statement ${index + 1}: the ${key} is left out of the CDK code (identity policies cannot name a principal).`,
    );
  }
  return `new iam.PolicyStatement({\n${lines.map((line) => `${inner}${line}\n`).join('')}${indent}})`;
}

/** The CDK Stack class name for a policy name. */
export function cdkStackClassName(name: string): string {
  return `${pascalCase(name, 'ManagedPolicy')}Stack`;
}

export function toCdk(input: ExportInput): ExportOutput {
  const id = pascalCase(input.name, 'ManagedPolicy');
  const className = `${id}Stack`;
  const description = descriptionOf(input);
  const targets = targetsOf(input);
  const notes: string[] = [];
  const body = INDENT.repeat(2);
  const props = INDENT.repeat(3);
  const item = INDENT.repeat(4);

  const checked = cdkStatements(input.document);
  const raw = 'reasons' in checked;
  const lines: string[] = [];
  const propLines: string[] = [`managedPolicyName: ${tsString(input.name)},`];
  if (description !== undefined) propLines.push(`description: ${tsString(description)},`);
  propLines.push(`path: ${tsString(pathOf(input))},`);

  if ('reasons' in checked) {
    notes.push(
      `The CDK code passes the document to CloudFormation as it is (iam.CfnManagedPolicy), because iam.PolicyStatement cannot express it: ${checked.reasons.join('; ')}.`,
    );
    lines.push(
      `${body}// The document is passed to CloudFormation as it is (iam.CfnManagedPolicy), because`,
      `${body}// iam.PolicyStatement cannot express it: ${commentText(checked.reasons.join('; '))}.`,
    );
    propLines.push(`policyDocument: ${tsValue(input.document, props)},`);
    const lists = [
      ['users', targets.users],
      ['groups', targets.groups],
      ['roles', targets.roles],
    ] as const;
    for (const [prop, names] of lists)
      if (names.length > 0) propLines.push(`${prop}: ${tsValue(names, props)},`);
    lines.push(`${body}const policy = new iam.CfnManagedPolicy(this, ${tsString(id)}, {`);
  } else {
    const statements = checked.statements.map(
      (statement, index) => `${item}${policyStatement(statement, item, notes, index)},\n`,
    );
    propLines.push(`statements: [\n${statements.join('')}${props}],`);
    const ids = new UniqueNames([id, 'PolicyArn']);
    const imports = [
      ['users', 'User', 'fromUserName', targets.users],
      ['groups', 'Group', 'fromGroupName', targets.groups],
      ['roles', 'Role', 'fromRoleName', targets.roles],
    ] as const;
    for (const [prop, type, method, names] of imports) {
      if (names.length === 0) continue;
      const refs = names.map(
        (name) =>
          `${item}iam.${type}.${method}(this, ${tsString(ids.take(type + pascalCase(name, '')))}, ${tsString(name)}),\n`,
      );
      propLines.push(`${prop}: [\n${refs.join('')}${props}],`);
    }
    lines.push(`${body}const policy = new iam.ManagedPolicy(this, ${tsString(id)}, {`);
  }
  lines.push(...propLines.map((line) => `${props}${line}`), `${body}});`, '');
  lines.push(
    `${body}new CfnOutput(this, "PolicyArn", { value: policy.${raw ? 'ref' : 'managedPolicyArn'} });`,
  );

  const text = [
    'import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";',
    'import * as iam from "aws-cdk-lib/aws-iam";',
    'import type { Construct } from "constructs";',
    '',
    `/** The IAM managed policy ${commentText(input.name).replace(/\*\//g, '* /')}. */`,
    `export class ${className} extends Stack {`,
    `${INDENT}constructor(scope: Construct, id: string, props?: StackProps) {`,
    `${body}super(scope, id, props);`,
    '',
    ...lines,
    `${INDENT}}`,
    '}',
    '',
    `// In bin/app.ts: new ${className}(app, ${tsString(className)});`,
    '',
  ].join('\n');
  return {
    text,
    filename: `${kebabCase(input.name, 'managed-policy')}-stack.ts`,
    mediaType: 'text/typescript',
    notes,
  };
}
