/**
 * iam-workbench diff: the access a new version of a policy adds or removes compared with the old
 * one, per action, resource and condition (src/policy/accessDiff.ts), not per line.
 */
import { accessDiff } from '../policy/accessDiff';
import type { AccessDiff, AccessEntry, NormalizedCondition, UncertainEntry } from '../policy/accessDiff';
import { getMember, isJsonObject } from '../policy/json';
import type { JsonValue } from '../policy/model';
import { parse } from '../policy/parse';
import { loadCatalog, readInput } from './files';
import { type CliIo, type Command, EXIT_FINDINGS, EXIT_OK, parseCommandArgs, UsageError } from './io';

const HELP = `Usage: iam-workbench diff [--format text|json] OLD NEW

Compares the access two versions of a policy grant, not their lines: which actions (as the
catalog names them, wildcards and NotAction expanded) on which resources under which conditions
NEW grants that OLD does not, and the reverse. Deny statements are applied. Resources are
compared by containment ("arn:aws:s3:::b/*" is inside "*"), conditions after normalising (key
order and case, value order, a single value or a list). Where NEW may grant more but that cannot
be decided (other conditions, NotResource, a Deny with a Condition), it counts as new access:
"changed, cannot prove narrower".

Arguments:
  OLD, NEW             the two policy documents (JSON); "-" reads standard input (one of them)

Options:
  --format text|json   text (default): a sentence ("Grants new access: 3 actions", "No change in
                       access"), then per service the entries: "+" added, "~" changed and not
                       provably narrower, "-" removed or narrowed.
                       json: {"newAccess": bool,
                              "added": [{"action": "s3:GetObject", "resource": "arn:…",
                                         "conditions": {"Bool": {"aws:SecureTransport": ["true"]}} | null}],
                              "removed": [...]}
                       one entry per action and resource pattern; "added" also holds the changes
                       that cannot be proved narrower; conditions are the statement's Condition
                       normalised (operators and keys sorted, values as sorted lists of strings).
                       A NotResource list shows as "resource": "NotResource [\\"arn:…\\"]". Entries of
                       statements with a Principal (resource and trust policies) also have "principal".

Exit codes: 0 no new access; 1 new access (or not provably none); 2 usage, unreadable file,
invalid JSON, not a policy.
`;

/** One entry as the JSON output writes it. */
export interface DiffJsonEntry {
  readonly action: string;
  readonly resource: string;
  readonly conditions: NormalizedCondition | null;
  readonly principal?: JsonValue;
}

export interface DiffJson {
  readonly newAccess: boolean;
  readonly added: readonly DiffJsonEntry[];
  readonly removed: readonly DiffJsonEntry[];
}

function jsonEntry(entry: AccessEntry): DiffJsonEntry {
  return {
    action: entry.action,
    resource: entry.resource,
    conditions: entry.conditions,
    ...(entry.principal === undefined ? {} : { principal: entry.principal }),
  };
}

function compare(a: AccessEntry, b: AccessEntry): number {
  const x = `${a.service}\u0000${a.action.toLowerCase()}\u0000${a.resource}\u0000${JSON.stringify(a.conditions)}`;
  const y = `${b.service}\u0000${b.action.toLowerCase()}\u0000${b.resource}\u0000${JSON.stringify(b.conditions)}`;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The JSON output: added and not provably narrower together, as "added". */
export function diffJson(diff: AccessDiff): DiffJson {
  return {
    newAccess: diff.newAccess,
    added: [...diff.added, ...diff.uncertain].sort(compare).map(jsonEntry),
    removed: diff.removed.map(jsonEntry),
  };
}

function line(sign: string, entry: AccessEntry): string {
  let text = `  ${sign} ${entry.action}  ${entry.resource}`;
  if (entry.conditions) text += `  if ${JSON.stringify(entry.conditions)}`;
  if (entry.principal !== undefined) text += `  for ${JSON.stringify(entry.principal)}`;
  if (entry.denies.length > 0) {
    text += `  (unless ${entry.denies.length === 1 ? 'a Deny applies' : `one of ${entry.denies.length} Denies applies`})`;
  }
  if ('reason' in entry) text += `  (changed, cannot prove narrower: ${(entry as UncertainEntry).why})`;
  return text;
}

/** The text output: the sentence, then the entries grouped by service. */
export function diffText(diff: AccessDiff): string {
  const lines = [diff.summary.sentence];
  const groups = new Map<string, { sign: string; entry: AccessEntry }[]>();
  const add = (sign: string, entries: readonly AccessEntry[]) => {
    for (const entry of entries) {
      let group = groups.get(entry.service);
      if (!group) groups.set(entry.service, (group = []));
      group.push({ sign, entry });
    }
  };
  add('+', diff.added);
  add('~', diff.uncertain);
  add('-', diff.removed);
  for (const service of diff.summary.services) {
    const group = groups.get(service.service);
    if (!group) continue;
    const counts = service.levels.flatMap((level) => {
      const name = level.level === 'Unknown' ? 'unknown' : level.level;
      const parts: string[] = [];
      if (level.added > 0) parts.push(`+${level.added} ${name}`);
      if (level.uncertain > 0) parts.push(`~${level.uncertain} ${name}`);
      if (level.removed > 0) parts.push(`-${level.removed} ${name}`);
      return parts;
    });
    lines.push('', `${service.name} (${service.service}): ${counts.join(', ')}`);
    group.sort((a, b) => compare(a.entry, b.entry) || (a.sign < b.sign ? -1 : a.sign > b.sign ? 1 : 0));
    for (const { sign, entry } of group) lines.push(line(sign, entry));
  }
  return lines.join('\n') + '\n';
}

async function readPolicy(file: string, io: CliIo): Promise<JsonValue> {
  const text = await readInput(file, io);
  const result = parse(text);
  if (!result.model) {
    const finding = result.findings[0];
    const where = finding?.range ? ` (line ${finding.range.line}, column ${finding.range.column})` : '';
    throw new UsageError(`${file} is not valid JSON: ${finding?.message ?? 'syntax error'}${where}`);
  }
  const document = result.model.document;
  const statement = isJsonObject(document) ? getMember(document, 'Statement') : undefined;
  if (!isJsonObject(statement) && !Array.isArray(statement)) {
    throw new UsageError(`${file} is not a policy: it needs an object with a Statement array or object`);
  }
  return document;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' } },
  });
  const { values, positionals } = parsed;
  const format = values.format;
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not "${format}"`);
  if (positionals.length !== 2) {
    throw new UsageError(`name two policy files, OLD and NEW (got ${positionals.length})`);
  }
  const [oldFile, newFile] = positionals as [string, string];
  if (oldFile === '-' && newFile === '-')
    throw new UsageError('only one of OLD and NEW can be standard input');
  const before = await readPolicy(oldFile, io);
  const after = await readPolicy(newFile, io);
  const loader = await loadCatalog(io);
  const diff = accessDiff(before, after, loader.view);
  io.stdout(format === 'json' ? `${JSON.stringify(diffJson(diff), null, 2)}\n` : diffText(diff));
  return diff.newAccess ? EXIT_FINDINGS : EXIT_OK;
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'what access NEW grants that OLD does not, and the reverse (exit 1 on new access)',
  help: HELP,
  run,
};
