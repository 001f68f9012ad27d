/**
 * The document's shape: top-level elements, Version, Statement, each statement's elements,
 * Sid and Effect, and the size quota.
 */
import { getMember, hasMember, isJsonObject } from '../json';
import { KNOWN_STATEMENT_KEYS, SIZE_QUOTAS } from '../model';
import type { JsonValue, PolicyKind, SourceRange, StatementView } from '../model';
import { joinPointer } from '../pointer';
import type { StatementContext, Validation } from './context';
import { q, readConditions, readList } from './context';

const TOP_LEVEL_KEYS = ['Version', 'Id', 'Statement'] as const;
export const VALID_VERSIONS = ['2012-10-17', '2008-10-17'] as const;

function jsonTypeName(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function caseVariant(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return known.find((candidate) => candidate.toLowerCase() === lower);
}

const KIND_NAMES: Readonly<Record<PolicyKind, string>> = {
  managed: 'a managed policy',
  'inline-user': "a user's inline policies",
  'inline-group': "a group's inline policies",
  'inline-role': "a role's inline policies",
  trust: 'a role trust policy',
};

/** Is the UTF-16 unit allowed by IAM's policy document pattern ([\u0009\u000A\u000D\u0020-\u00FF]+)? */
function allowedUnit(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xff);
}

/** The index of the first character IAM's pattern does not allow, or -1. */
export function firstInvalidCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) if (!allowedUnit(text.charCodeAt(i))) return i;
  return -1;
}

function describeCharacter(text: string, at: number): string {
  const point = text.codePointAt(at) ?? 0;
  const hex = point.toString(16).toUpperCase().padStart(4, '0');
  const shown = point < 0x20 || (point >= 0x7f && point < 0xa0) ? '' : ` "${String.fromCodePoint(point)}"`;
  return `U+${hex}${shown}`;
}

/**
 * Characters outside IAM's policy document pattern (tab, line feed, carriage return and U+0020 to
 * U+00FF): IAM rejects the whole document. Reported once, at the first string (key or value) that
 * holds one, with the offending character named; with the source text the range points at the
 * character itself.
 */
export function checkCharacters(v: Validation): void {
  const found = findInvalid(v.model.document, '');
  if (!found) return;
  const { pointer, text, at } = found;
  const message = `${describeCharacter(text, at)} is not allowed in an IAM policy: IAM accepts only tab, line feed, carriage return and the characters U+0020 to U+00FF (Latin-1), and rejects the whole document otherwise. Replace it (e.g. with ASCII) or remove it.`;
  const source = v.options.text;
  const rawAt = source === undefined ? -1 : firstInvalidCharacter(source);
  if (source !== undefined && rawAt >= 0) {
    v.reportAt('invalid-character', pointer, message, rangeAt(source, rawAt));
  } else {
    v.report('invalid-character', pointer, message);
  }
}

function rangeAt(text: string, offset: number): SourceRange {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const length = (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  const column = offset - lineStart + 1;
  return { offset, length, line, column, endLine: line, endColumn: column + length };
}

function findInvalid(
  value: JsonValue,
  pointer: string,
): { pointer: string; text: string; at: number } | undefined {
  if (typeof value === 'string') {
    const at = firstInvalidCharacter(value);
    return at >= 0 ? { pointer, text: value, at } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInvalid(value[i] as JsonValue, joinPointer(pointer, i));
      if (found) return found;
    }
    return undefined;
  }
  if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      const memberPointer = joinPointer(pointer, key);
      const at = firstInvalidCharacter(key);
      if (at >= 0) return { pointer: memberPointer, text: key, at };
      const found = findInvalid(value[key] as JsonValue, memberPointer);
      if (found) return found;
    }
  }
  return undefined;
}

/** Checks the document as a whole; returns false when there is nothing more to check. */
export function checkDocument(v: Validation): boolean {
  const document = v.model.document;
  if (!isJsonObject(document)) {
    v.report(
      'data-type-mismatch',
      '',
      `A policy must be a JSON object with "Version" and "Statement", but this document is ${jsonTypeName(document)}. Wrap the statements in {"Version": "2012-10-17", "Statement": [...]}.`,
    );
    return false;
  }

  for (const key of Object.keys(document)) {
    if ((TOP_LEVEL_KEYS as readonly string[]).includes(key)) continue;
    const variant = caseVariant(key, TOP_LEVEL_KEYS);
    const statementKey = caseVariant(key, KNOWN_STATEMENT_KEYS);
    v.report(
      'invalid-policy-element',
      joinPointer('', key),
      variant
        ? `The policy element ${q(key)} is not valid: element names are case-sensitive. Rename it to ${q(variant)}.`
        : statementKey
          ? `${q(key)} is a statement element, not a policy element. Move it into a statement inside "Statement".`
          : `The policy element ${q(key)} is not valid; a policy holds only "Version", "Id" and "Statement". Remove it.`,
    );
  }

  if (!hasMember(document, 'Version')) {
    if (!Object.keys(document).some((key) => key.toLowerCase() === 'version')) {
      v.report(
        'missing-version',
        '',
        'The policy has no "Version" element, so IAM reads it with the old 2008-10-17 grammar, where policy variables such as ${aws:username} are plain text. Add "Version": "2012-10-17" before "Statement".',
      );
    }
  } else {
    const version = getMember(document, 'Version') as JsonValue;
    if (typeof version !== 'string') {
      v.report(
        'data-type-mismatch',
        '/Version',
        `"Version" must be a string, but it is ${jsonTypeName(version)}. Write "Version": "2012-10-17".`,
      );
    } else if (!(VALID_VERSIONS as readonly string[]).includes(version)) {
      v.report(
        'invalid-version',
        '/Version',
        `The version ${q(version)} is not valid: IAM accepts only "2012-10-17" (current) and "2008-10-17". Use "2012-10-17"; the version is the policy language's date, not the date you wrote the policy.`,
      );
    }
  }

  if (hasMember(document, 'Id')) {
    const id = getMember(document, 'Id') as JsonValue;
    if (typeof id !== 'string') {
      v.report(
        'data-type-mismatch',
        '/Id',
        `"Id" must be a string, but it is ${jsonTypeName(id)}. Make it a string or remove it.`,
      );
    } else if (!v.isTrust) {
      v.report(
        'id-in-identity-policy',
        '/Id',
        'AWS documents "Id" for resource-based policies; in an identity policy IAM accepts it but ignores it. Remove it, or keep it only as your own label.',
      );
    }
  }

  if (!hasMember(document, 'Statement')) {
    if (!Object.keys(document).some((key) => key.toLowerCase() === 'statement')) {
      v.report(
        'missing-statement',
        '',
        'The policy has no "Statement" element, so it grants nothing. Add "Statement": [ ... ] with at least one statement.',
      );
    }
    return false;
  }
  const statement = getMember(document, 'Statement') as JsonValue;
  if (Array.isArray(statement)) {
    if (statement.length === 0) {
      v.report(
        'missing-statement',
        '/Statement',
        'The "Statement" array is empty, so the policy grants nothing. Add at least one statement.',
      );
    }
    statement.forEach((item: JsonValue, index: number) => {
      if (!isJsonObject(item)) {
        v.report(
          'data-type-mismatch',
          joinPointer('/Statement', index),
          `Each statement must be a JSON object with "Effect", "Action" and "Resource", but this one is ${jsonTypeName(item)}. Replace it with a statement object.`,
        );
      }
    });
  } else if (!isJsonObject(statement)) {
    v.report(
      'data-type-mismatch',
      '/Statement',
      `"Statement" must be an array of statement objects (or a single statement object), but it is ${jsonTypeName(statement)}.`,
    );
    return false;
  }
  return true;
}

/** Builds the statement contexts and checks each statement's elements. */
export function checkStatements(v: Validation): void {
  const identity = !v.isTrust;
  const sids = new Map<string, string>();
  for (const view of v.model.statements) {
    const context = buildContext(v, view);
    v.statements.push(context);
    const { raw, pointer } = context;

    for (const key of view.unknownKeys) {
      const variant = caseVariant(key, KNOWN_STATEMENT_KEYS);
      const topLevel = caseVariant(key, TOP_LEVEL_KEYS);
      v.report(
        'invalid-policy-element',
        joinPointer(pointer, key),
        variant
          ? `The statement element ${q(key)} is not valid: element names are case-sensitive. Rename it to ${q(variant)}.`
          : topLevel
            ? `${q(key)} belongs at the top of the policy, not inside a statement. Move it out of the statement.`
            : `The statement element ${q(key)} is not valid; a statement holds only Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition. Remove it.`,
      );
    }
    const hasVariant = (name: string): boolean =>
      view.unknownKeys.some((key) => key.toLowerCase() === name.toLowerCase());

    // Sid
    if (hasMember(raw, 'Sid')) {
      const sid = getMember(raw, 'Sid') as JsonValue;
      const sidPointer = joinPointer(pointer, 'Sid');
      if (typeof sid !== 'string') {
        v.report(
          'data-type-mismatch',
          sidPointer,
          `"Sid" must be a string, but it is ${jsonTypeName(sid)}. Make it a string of letters and digits.`,
        );
      } else if (sid === '') {
        v.report(
          'empty-sid-value',
          sidPointer,
          'The Sid is an empty string. Give the statement a short name of letters and digits (e.g. "AllowS3Read"), or remove "Sid".',
        );
      } else {
        if (identity && !/^[A-Za-z0-9]+$/.test(sid)) {
          const fixed = sid.replace(/[^A-Za-z0-9]/g, '');
          v.report(
            'unsupported-sid',
            sidPointer,
            `The Sid ${q(sid)} has characters IAM does not accept in identity policies: use only A-Z, a-z and 0-9${fixed ? `, e.g. ${q(fixed)}` : ''}.`,
          );
        }
        const first = sids.get(sid);
        if (first !== undefined) {
          if (identity) {
            v.report(
              'unique-sids-required',
              sidPointer,
              `The Sid ${q(sid)} is already used by the statement at ${first}; IAM requires each Sid in a policy to be unique. Rename one of them.`,
            );
          } else {
            v.report(
              'unique-sids-recommended',
              sidPointer,
              `The Sid ${q(sid)} is already used by the statement at ${first}. Give each statement its own Sid so that findings and logs point to one statement.`,
            );
          }
        } else {
          sids.set(sid, pointer);
        }
      }
    }

    // Effect
    if (hasMember(raw, 'Effect')) {
      const effect = getMember(raw, 'Effect') as JsonValue;
      const effectPointer = joinPointer(pointer, 'Effect');
      if (typeof effect !== 'string') {
        v.report(
          'data-type-mismatch',
          effectPointer,
          `"Effect" must be the string "Allow" or "Deny", but it is ${jsonTypeName(effect)}.`,
        );
      } else if (effect !== 'Allow' && effect !== 'Deny') {
        const fix =
          effect.toLowerCase() === 'allow' ? 'Allow' : effect.toLowerCase() === 'deny' ? 'Deny' : undefined;
        v.report(
          'invalid-effect',
          effectPointer,
          fix
            ? `The effect ${q(effect)} is not valid: it is case-sensitive. Write ${q(fix)}.`
            : `The effect ${q(effect)} is not valid. Use "Allow" or "Deny".`,
        );
      }
    } else if (!hasVariant('Effect')) {
      v.report(
        'missing-effect',
        pointer,
        'The statement has no "Effect". Add "Effect": "Allow" or "Effect": "Deny".',
      );
    }

    // Action / NotAction
    if (context.action && context.notAction) {
      v.report(
        'unsupported-element-combination',
        context.notAction.pointer,
        'A statement cannot have both "Action" and "NotAction". Keep one: usually "Action" with the actions to allow or deny.',
      );
    } else if (!context.action && !context.notAction && !hasVariant('Action') && !hasVariant('NotAction')) {
      v.report(
        'missing-action',
        pointer,
        'The statement has no "Action" (or "NotAction"), so it matches no request. Add "Action" with the actions it should allow or deny.',
      );
    }
    for (const list of [context.action, context.notAction]) {
      if (list?.empty) {
        v.report(
          'missing-action',
          list.pointer,
          `The "${list.key}" array is empty, and IAM rejects the policy ("Policy statement must contain actions."). List the actions, or remove the statement.`,
        );
      }
    }

    // Resource / NotResource
    if (v.isTrust) {
      for (const list of [context.resource, context.notResource]) {
        if (list) {
          v.report(
            'role-trust-policy-syntax-error-resource',
            list.pointer,
            `A role trust policy applies to the role it is attached to, so it cannot name resources. Remove "${list.key}".`,
          );
        }
      }
    } else {
      if (context.resource && context.notResource) {
        v.report(
          'unsupported-element-combination',
          context.notResource.pointer,
          'A statement cannot have both "Resource" and "NotResource". Keep one: usually "Resource" with the ARNs the actions apply to.',
        );
      } else if (
        !context.resource &&
        !context.notResource &&
        !hasVariant('Resource') &&
        !hasVariant('NotResource')
      ) {
        v.report(
          'missing-resource',
          pointer,
          'The statement has no "Resource" (or "NotResource"); identity policies need one. Add "Resource" with the ARNs the actions apply to, or "*" for actions that support no resource types.',
        );
      }
      for (const list of [context.resource, context.notResource]) {
        if (list?.empty) {
          v.report(
            'missing-resource',
            list.pointer,
            `The "${list.key}" array is empty, and IAM rejects the policy (a statement must name its resources). List the resource ARNs (or "*"), or remove the statement.`,
          );
        }
      }
    }

    // Principal / NotPrincipal (details in principals.ts)
    const hasPrincipal = hasMember(raw, 'Principal');
    const hasNotPrincipal = hasMember(raw, 'NotPrincipal');
    if (identity) {
      for (const key of ['Principal', 'NotPrincipal']) {
        if (!hasMember(raw, key)) continue;
        v.report(
          'unsupported-principal',
          joinPointer(pointer, key),
          `Identity policies cannot have "${key}": the principal is the user, group or role the policy is attached to. Remove "${key}" (to control who can assume a role, edit the role's trust policy).`,
        );
        const value = getMember(raw, key) as JsonValue;
        if (isJsonObject(value) && hasMember(value, 'Federated')) {
          v.report(
            'federated-principal-not-supported',
            joinPointer(pointer, key, 'Federated'),
            "Federated identity providers can be named only in a role trust policy, not in an identity policy. Remove the federated principal here and trust the provider in the role's trust policy.",
          );
        }
      }
    } else {
      if (hasPrincipal && hasNotPrincipal) {
        v.report(
          'unsupported-element-combination',
          joinPointer(pointer, 'NotPrincipal'),
          'A statement cannot have both "Principal" and "NotPrincipal". Keep "Principal".',
        );
      } else if (
        !hasPrincipal &&
        !hasNotPrincipal &&
        !hasVariant('Principal') &&
        !hasVariant('NotPrincipal')
      ) {
        v.report(
          'missing-principal',
          pointer,
          'Each statement of a role trust policy needs a "Principal": who may assume the role. Add e.g. "Principal": {"Service": "ec2.amazonaws.com"}.',
        );
      }
      if (hasNotPrincipal) {
        v.report(
          'role-trust-policy-syntax-error-notprincipal',
          joinPointer(pointer, 'NotPrincipal'),
          'Role trust policies do not support "NotPrincipal". Use "Principal" to name who may assume the role.',
        );
        if (context.effect === 'Allow') {
          v.report(
            'allow-with-not-principal',
            joinPointer(pointer, 'NotPrincipal'),
            '"Allow" with "NotPrincipal" trusts every principal except the ones listed, including anonymous ones. Name the trusted principals in "Principal" instead.',
          );
        }
      }
    }
  }
}

function buildContext(v: Validation, view: StatementView): StatementContext {
  const raw = view.raw;
  const pointer = view.pointer;
  const badList = (key: string) => (itemPointer: string, value: JsonValue) => {
    v.report(
      'data-type-mismatch',
      itemPointer,
      `"${key}" must hold a string or an array of strings, but this is ${jsonTypeName(value)}. Write it as a string.`,
    );
  };
  const effectValue = getMember(raw, 'Effect');
  const conditions = readConditions(
    raw,
    pointer,
    (conditionPointer, what) => v.report('data-type-mismatch', conditionPointer, `${what}.`),
    (conditionPointer, operator) =>
      v.report(
        'empty-object-condition',
        conditionPointer,
        operator === undefined
          ? 'The Condition element is empty, so it does not affect the statement. Add conditions or remove "Condition".'
          : `The ${operator} block has no condition keys, so it does not affect the statement. Add a condition key or remove the block.`,
      ),
  );
  return {
    view,
    index: view.index,
    pointer,
    raw,
    effect: effectValue === 'Allow' || effectValue === 'Deny' ? effectValue : undefined,
    action: readList(raw, 'Action', pointer, badList('Action')),
    notAction: readList(raw, 'NotAction', pointer, badList('NotAction')),
    resource: readList(raw, 'Resource', pointer, badList('Resource')),
    notResource: readList(raw, 'NotResource', pointer, badList('NotResource')),
    conditions,
    hasCondition: hasMember(raw, 'Condition'),
    actionPatterns: [],
    notActionPatterns: [],
  };
}

export function checkSize(v: Validation): void {
  const size = v.options.sizeChars;
  if (size === undefined) return;
  const kind = v.options.kind;
  const quota = SIZE_QUOTAS[kind];
  if (size <= quota) return;
  if (kind === 'trust') {
    v.report(
      'policy-size-exceeds-role-trust-policy-quota',
      '',
      `This trust policy has ${size} characters (whitespace not counted), more than the default quota of ${quota} for role trust policies. Shorten it (fewer principals or conditions), or request a higher "Role trust policy length" quota in Service Quotas.`,
    );
  } else {
    v.report(
      'policy-size-exceeds-identity-policy-quota',
      '',
      `This policy has ${size} characters (whitespace not counted), more than the ${quota} IAM allows for ${KIND_NAMES[kind]}. Split it into several policies, or shorten it (remove redundant actions, use wildcards such as "s3:Get*").`,
    );
  }
}
