/**
 * Policy variables: "${aws:username}", "${aws:PrincipalTag/team, 'none'}", "${*}".
 * They work only in Resource/NotResource and in Condition values, and only with Version 2012-10-17.
 */
import { getMember, hasMember, isJsonObject } from '../json';
import type { JsonValue } from '../model';
import { joinPointer } from '../pointer';
import type { Validation } from './context';
import { q } from './context';

const SPECIAL = new Set(['*', '?', '$']);

/** Reports syntax problems of the variables in one string; returns true when it holds any. */
function checkVariableSyntax(v: Validation, text: string, pointer: string): boolean {
  let found = false;
  let from = 0;
  for (;;) {
    const start = text.indexOf('${', from);
    if (start < 0) return found;
    found = true;
    const end = text.indexOf('}', start + 2);
    if (end < 0) {
      v.report(
        'missing-brace-in-variable',
        pointer,
        `The policy variable in ${q(text)} has no closing brace. Add "}" after the variable name, e.g. "\${aws:username}".`,
      );
      return found;
    }
    const content = text.slice(start + 2, end);
    from = end + 1;
    if (SPECIAL.has(content)) continue;
    if (content.trim() === '') {
      v.report(
        'empty-variable',
        pointer,
        `${q(text)} holds an empty policy variable "\${}". Put a context key inside, e.g. "\${aws:username}", or remove it.`,
      );
      continue;
    }
    const comma = content.indexOf(',');
    const name = comma >= 0 ? content.slice(0, comma) : content;
    if (/\s/.test(name)) {
      v.report(
        'unsupported-space-in-variable',
        pointer,
        `The policy variable "\${${content}}" has a space in its name. Remove the space (a space is allowed only after the comma before a default value).`,
      );
      continue;
    }
    const symbol = firstUnsupportedSymbol(name);
    if (symbol !== undefined) {
      v.report(
        'unsupported-symbol-in-variable',
        pointer,
        `The policy variable "\${${content}}" has the symbol ${q(symbol)} in its name. A variable names a context key: letters, digits and _ . : / - (tag keys also + = @). Remove the symbol, or write the value literally.`,
      );
      continue;
    }
    if (comma >= 0) {
      const fallback = content.slice(comma + 1).trim();
      if (!/^'[^']*'$/.test(fallback)) {
        v.report(
          'missing-quote-in-variable',
          pointer,
          `The default value of "\${${content}}" must be in single quotes, e.g. "\${${name.trim()}, 'default'}".`,
        );
      }
    }
  }
}

/** Characters a context key name may hold in a variable (tag keys add + = @). */
function allowedInName(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    '_.:/-+=@'.includes(String.fromCharCode(code))
  );
}

function firstUnsupportedSymbol(name: string): string | undefined {
  for (let i = 0; i < name.length; i++) if (!allowedInName(name.charCodeAt(i))) return name[i];
  return undefined;
}

function strings(value: JsonValue, pointer: string, into: { text: string; pointer: string }[]): void {
  if (typeof value === 'string') into.push({ text: value, pointer });
  else if (Array.isArray(value))
    value.forEach((item: JsonValue, index: number) => strings(item, joinPointer(pointer, index), into));
  else if (isJsonObject(value))
    for (const key of Object.keys(value)) strings(value[key] as JsonValue, joinPointer(pointer, key), into);
}

export function checkVariables(v: Validation): void {
  let usedWhereSupported: string | undefined;
  for (const statement of v.statements) {
    // Supported: Resource, NotResource, Condition values.
    for (const list of [statement.resource, statement.notResource]) {
      for (const item of list?.items ?? []) {
        if (checkVariableSyntax(v, item.value, item.pointer)) usedWhereSupported ??= item.pointer;
      }
    }
    for (const condition of statement.conditions) {
      for (const value of condition.values) {
        if (typeof value.value === 'string' && checkVariableSyntax(v, value.value, value.pointer))
          usedWhereSupported ??= value.pointer;
      }
    }
    // Not supported: everything else that holds strings.
    const unsupported: { text: string; pointer: string }[] = [];
    for (const key of ['Sid', 'Effect', 'Action', 'NotAction', 'Principal', 'NotPrincipal']) {
      if (hasMember(statement.raw, key))
        strings(getMember(statement.raw, key) as JsonValue, joinPointer(statement.pointer, key), unsupported);
    }
    for (const { text, pointer } of unsupported) {
      const match = /\$\{[^}]*\}?/.exec(text);
      if (match) {
        v.report(
          'variable-unsupported-in-element',
          pointer,
          `Policy variables work only in Resource and in Condition values; ${q(match[0])} here is not replaced. Write the value literally, or move the check into a Condition.`,
        );
      }
    }
  }
  if (usedWhereSupported !== undefined && v.model.version !== '2012-10-17') {
    const document = v.model.document;
    const hasVersion = isJsonObject(document) && hasMember(document, 'Version');
    v.report(
      'variable-unsupported-in-version',
      hasVersion ? '/Version' : '',
      `This policy uses policy variables (e.g. at ${usedWhereSupported}), but they are replaced only with "Version": "2012-10-17"; otherwise IAM treats them as literal text. Set "Version" to "2012-10-17".`,
    );
  }
}
