/**
 * iam-workbench fit: make a policy fit its size quota. Compacts it (exactly the same actions, see
 * src/policy/compact.ts); when that is not enough, packs it into the fewest policies within the
 * quota that together grant exactly the same (src/policy/policySet.ts).
 */
import { basename, extname } from 'node:path';
import type { JsonValue, PolicyKind } from '../policy/model';
import { SIZE_QUOTAS } from '../policy/model';
import { parse } from '../policy/parse';
import { packPolicySet } from '../policy/policySet';
import { serializeDocument } from '../policy/serialize';
import { loadCatalog, readInput } from './files';
import { type CliIo, type Command, EXIT_FINDINGS, EXIT_OK, parseCommandArgs, UsageError } from './io';

const KINDS: readonly PolicyKind[] = ['managed', 'inline-user', 'inline-group', 'inline-role', 'trust'];

const HELP = `Usage: iam-workbench fit [--kind K | --quota N] [--format text|json] [--level-safe] FILE

Makes a policy fit its size quota (characters as IAM counts them: whitespace outside strings
does not count). Compacts the Action lists with wildcards that match exactly the same actions
today; if the result is still over the quota, packs the statements into the fewest policies
within it that together grant exactly the same (attach them all to the same principal).

Arguments:
  FILE                 the policy document (JSON); "-" reads standard input

Options:
  --kind K             the quota of a kind of policy: managed (6,144, the default),
                       inline-user (2,048), inline-group (5,120), inline-role (10,240), trust (2,048)
  --quota N            a quota in characters instead (not with --kind)
  --format text|json   text (default): the compacted document as JSON when it fits, else each part
                       after a "// part 2 of 5 (6,101 characters)" line; json:
                       {"fits": bool, "compacted": {"size": N, "document": {...}},
                        "parts": [{"size": N, "document": {...}}]} (parts is [] when it fits)
  --level-safe         no wildcard written matches, among today's actions, actions of more than one
                       access level (a little larger; actions AWS adds later can still match by name)

A wildcard written matches exactly the listed actions in today's catalog, but it matches by name:
actions AWS adds later whose names fit it are granted too.

Exit codes: 0 done; 1 it cannot be made to fit (a statement kept whole, with a Condition or
NotAction, is over the quota alone); 2 usage, unreadable file, invalid JSON, not a policy.
`;

function quotaOf(kind: string | undefined, quota: string | undefined): number {
  if (kind !== undefined && quota !== undefined) throw new UsageError('give --kind or --quota, not both');
  if (quota !== undefined) {
    const trimmed = quota.trim();
    const value = /^[0-9]+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new UsageError(`--quota must be a positive whole number of characters, not "${quota}"`);
    }
    return value;
  }
  if (kind === undefined) return SIZE_QUOTAS.managed;
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, not "${kind}"`);
  }
  return SIZE_QUOTAS[kind as PolicyKind];
}

function stemOf(file: string): string {
  if (file === '-') return 'Policy';
  const name = basename(file, extname(file)).replace(/[^A-Za-z0-9+=,.@_-]/g, '-');
  return name === '' ? 'Policy' : name.slice(0, 120);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      quota: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'level-safe': { type: 'boolean', default: false },
    },
  });
  const { values, positionals } = parsed;
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const quota = quotaOf(values.kind, values.quota);
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'name the policy file (or - for standard input)' : 'name one policy file');
  }
  const file = positionals[0] as string;
  const text = await readInput(file, io);
  const result = parse(text);
  if (!result.model) {
    const why = result.findings[0]?.message ?? 'syntax error';
    throw new UsageError(`${file} is not valid JSON: ${why}`);
  }
  const document: JsonValue = result.model.document;

  const loader = await loadCatalog(io);
  const set = packPolicySet(document, loader.view, {
    quota,
    stem: stemOf(file),
    compact: { levelSafe: values['level-safe'] },
  });
  if (!set.ok) {
    if (set.reason === 'not-a-policy') throw new UsageError(`${file}: ${set.message}`);
    if (set.reason === 'quota-too-small') throw new UsageError(`--quota ${quota} is too small: ${set.message}`);
    io.stderr(`iam-workbench fit: ${file} cannot be made to fit ${count(quota)} characters: ${set.message}\n`);
    return EXIT_FINDINGS;
  }
  const compacted = { size: set.compaction.after, document: set.compaction.document };
  const parts = set.fits ? [] : set.parts.map((part) => ({ size: part.size, document: part.document }));

  if (format === 'json') {
    io.stdout(`${JSON.stringify({ fits: set.fits, compacted, parts }, null, 2)}\n`);
    return EXIT_OK;
  }
  if (set.fits) {
    io.stdout(`${serializeDocument(compacted.document, { format: 'pretty' })}\n`);
    io.stderr(
      `Fits: ${count(compacted.size)} of ${count(quota)} characters (was ${count(set.compaction.before)}).\n`,
    );
    return EXIT_OK;
  }
  const lines: string[] = [];
  parts.forEach((part, i) => {
    if (i > 0) lines.push('');
    lines.push(`// part ${i + 1} of ${parts.length} (${count(part.size)} characters)`);
    lines.push(serializeDocument(part.document, { format: 'pretty' }));
  });
  io.stdout(`${lines.join('\n')}\n`);
  io.stderr(
    `Does not fit: ${count(set.compaction.before)} characters, ${count(compacted.size)} compacted, over the quota of ${count(quota)}; ` +
      `${parts.length} policies of at most ${count(quota)} characters grant together exactly the same ${count(set.proof.allowedCount)} actions (attach them all).\n`,
  );
  return EXIT_OK;
}

export const fitCommand: Command = {
  name: 'fit',
  summary: 'compact a policy to fit its size quota, or split it into the fewest policies that do',
  help: HELP,
  run,
};
