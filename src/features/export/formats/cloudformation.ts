/**
 * CloudFormation templates (YAML or JSON) with one AWS::IAM::ManagedPolicy.
 *
 * The policy document goes into PolicyDocument as a structure, not a string, exactly as the editor
 * holds it: key order, string-versus-array form, numbers and booleans ("true" stays a string, true a
 * boolean). Strings need no CloudFormation escaping: `${aws:username}` in a plain string is not
 * interpolated (only Fn::Sub does that). YAML quoting is js-yaml's, with its dump schema, which also
 * quotes what a YAML 1.1 parser would read as something else ("yes", "0755", "1:20"), since
 * CloudFormation's YAML is 1.1.
 */
import { CORE_SCHEMA, DUMP_SCHEMA, defineScalarTag, dump, NOT_RESOLVED } from 'js-yaml';
import type { JsonObject, JsonValue } from '../../../policy/model';
import { isJsonObject } from '../../../policy/json';
import { serializeDocument } from '../../../policy/serialize';
import { fileBaseName, pascalCase } from './names';
import type { ExportInput, ExportOutput } from './types';
import { descriptionOf, pathOf, targetsOf } from './types';

export type CloudFormationFormat = 'yaml' | 'json';

export const TEMPLATE_FORMAT_VERSION = '2010-09-09';
export const MANAGED_POLICY_TYPE = 'AWS::IAM::ManagedPolicy';

/** `!Ref LogicalId` in YAML, `{"Ref": "LogicalId"}` in JSON. */
export class CfnRef {
  constructor(readonly logicalId: string) {}
}

const refTag = defineScalarTag<CfnRef>('!Ref', {
  resolve: (source) => (/^[A-Za-z0-9]+$/.test(source) ? new CfnRef(source) : NOT_RESOLVED),
  identify: (data: unknown) => data instanceof CfnRef,
  represent: (data: CfnRef) => data.logicalId,
});

/** Dumps templates: js-yaml's most careful quoting, plus the `!Ref` short form. */
const DUMP_WITH_REF = DUMP_SCHEMA.withTags(refTag);

/** Reads the templates this module writes (for tests and for whoever reads them back). */
export const CLOUDFORMATION_LOAD_SCHEMA = CORE_SCHEMA.withTags(refTag);

/** The logical ID of the policy resource: the name in PascalCase, letters and digits only. */
export function logicalIdOf(name: string): string {
  return pascalCase(name, 'ManagedPolicy').slice(0, 255);
}

export interface CloudFormationTemplate {
  readonly logicalId: string;
  /** the template as a JS value; `Ref`s are CfnRef objects */
  readonly template: Record<string, unknown>;
}

/** The template as data (what both formats write). */
export function cloudFormationTemplate(input: ExportInput): CloudFormationTemplate {
  const logicalId = logicalIdOf(input.name);
  const description = descriptionOf(input);
  const targets = targetsOf(input);
  const properties: Record<string, unknown> = { ManagedPolicyName: input.name };
  if (description !== undefined) properties.Description = description;
  properties.Path = pathOf(input);
  properties.PolicyDocument = input.document;
  if (targets.users.length > 0) properties.Users = targets.users;
  if (targets.groups.length > 0) properties.Groups = targets.groups;
  if (targets.roles.length > 0) properties.Roles = targets.roles;
  const template = {
    AWSTemplateFormatVersion: TEMPLATE_FORMAT_VERSION,
    Description: description ?? `IAM managed policy ${input.name}`,
    Resources: { [logicalId]: { Type: MANAGED_POLICY_TYPE, Properties: properties } },
    Outputs: {
      [`${logicalId}Arn`]: {
        Description: `The ARN of the managed policy ${input.name}`,
        Value: new CfnRef(logicalId),
      },
    },
  };
  return { logicalId, template };
}

export interface CloudFormationExportOptions {
  /** 'yaml' (default) or 'json' */
  readonly format?: CloudFormationFormat;
}

export function toCloudFormation(
  input: ExportInput,
  options: CloudFormationExportOptions = {},
): ExportOutput {
  const format = options.format ?? 'yaml';
  const { template } = cloudFormationTemplate(input);
  const base = fileBaseName(input.name);
  const notes = intrinsicLookalikes(input.document).map(
    (pointer) =>
      `The object at ${pointer || 'the document root'} has a single key that CloudFormation reads as an intrinsic function (Ref, Condition or Fn::…); it will not reach IAM as written.`,
  );
  if (format === 'json') {
    return {
      text: serializeDocument(withJsonRefs(template) as JsonValue) + '\n',
      filename: `${base}.template.json`,
      mediaType: 'application/json',
      notes,
    };
  }
  return {
    text: dump(template, { schema: DUMP_WITH_REF, lineWidth: -1, noRefs: true, indent: 2 }),
    filename: `${base}.template.yaml`,
    mediaType: 'application/yaml',
    notes,
  };
}

/** Replaces CfnRef objects by `{"Ref": id}` for the JSON form. */
function withJsonRefs(value: unknown): unknown {
  if (value instanceof CfnRef) return { Ref: value.logicalId };
  if (Array.isArray(value)) return value.map(withJsonRefs);
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(result, key, {
        value: withJsonRefs((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }
  return value;
}

/**
 * JSON pointers of objects in the document that CloudFormation would take for an intrinsic
 * function: exactly one key, "Ref", "Condition" or "Fn::…". No valid IAM policy has one.
 */
export function intrinsicLookalikes(document: JsonValue, pointer = ''): string[] {
  const found: string[] = [];
  if (Array.isArray(document)) {
    document.forEach((item: JsonValue, index) =>
      found.push(...intrinsicLookalikes(item, `${pointer}/${index}`)),
    );
  } else if (isJsonObject(document)) {
    const object: JsonObject = document;
    const keys = Object.keys(object);
    const only = keys.length === 1 ? keys[0] : undefined;
    if (only !== undefined && (only === 'Ref' || only === 'Condition' || only.startsWith('Fn::')))
      found.push(pointer);
    for (const key of keys) {
      const child = object[key];
      if (child !== undefined) {
        found.push(
          ...intrinsicLookalikes(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
        );
      }
    }
  }
  return found;
}
