/**
 * iam-workbench check: validate policy files as IAM and Access Analyzer would, offline. Prints one
 * line per finding, like ESLint (`file:line:column  severity  code  message`), or JSON.
 */
import type { Finding, PolicyKind } from '../policy/model';
import { SIZE_QUOTAS } from '../policy/model';
import { analyze } from '../policy/analyze';
import type { CatalogView } from '../catalog/catalog';
import { loadCatalog, readInput } from './files';
import { type CliIo, type Command, EXIT_FINDINGS, EXIT_OK, parseCommandArgs, UsageError } from './io';

const KINDS: readonly PolicyKind[] = ['managed', 'inline-user', 'inline-group', 'inline-role', 'trust'];

const HELP = `Usage: iam-workbench check [--kind KIND] [--format text|json] FILE...

Checks IAM policy documents offline: JSON syntax, IAM's grammar and limits, and the checks of
IAM Access Analyzer that can be decided without AWS (actions, resource ARNs and their types,
condition keys and values, policy variables, broad grants, redundancy, size quota).

Arguments:
  FILE                 a policy document (JSON); "-" reads standard input

Options:
  --kind KIND          managed (default), inline-user, inline-group, inline-role or trust (a role
                       trust policy); it decides the rules and the size quota
  --format text|json   text (default): one line per finding,
                         file:line:column  severity  code  message
                       and a summary on standard error; json:
                         {"files":[{"file","size","quota","findings":[{"code","severity",
                          "message","line","column","path"}]}]}
                       severity is error, security-warning, warning or suggestion; path is the
                       JSON pointer of the element the finding is about

Exit codes: 0 no file has an error; 1 some file has an error (invalid JSON included);
2 usage or unreadable file.
`;

type CliSeverity = 'error' | 'security-warning' | 'warning' | 'suggestion';

const SEVERITY: Readonly<Record<Finding['severity'], CliSeverity>> = {
  error: 'error',
  security: 'security-warning',
  warning: 'warning',
  suggestion: 'suggestion',
};

export interface CheckedFinding {
  readonly code: string;
  readonly severity: CliSeverity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
}

export interface CheckedFile {
  readonly file: string;
  readonly size: number;
  readonly quota: number;
  readonly findings: readonly CheckedFinding[];
}

function parseOptions(args: readonly string[]): {
  kind: PolicyKind;
  format: 'text' | 'json';
  files: string[];
} {
  const parsed = parseCommandArgs({
    args: [...args],
    options: { kind: { type: 'string' }, format: { type: 'string' } },
    allowPositionals: true,
  });
  const kind = parsed.values.kind ?? 'managed';
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, not "${kind}"`);
  }
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format must be text or json, not "${format}"`);
  }
  if (parsed.positionals.length === 0)
    throw new UsageError('name at least one policy file (or "-" for standard input)');
  return { kind: kind as PolicyKind, format, files: parsed.positionals };
}

/** Checks one document's text with the one analysis every part of the app uses (analyze). */
export function checkText(file: string, text: string, kind: PolicyKind, catalog: CatalogView): CheckedFile {
  const analysis = analyze(text, catalog, { kind });
  const size = analysis.size.size;
  const findings = analysis.findings;
  return {
    file,
    size,
    quota: SIZE_QUOTAS[kind],
    findings: findings
      .map((finding, order) => ({ finding, order }))
      .sort((a, b) => (a.finding.range?.offset ?? 0) - (b.finding.range?.offset ?? 0) || a.order - b.order)
      .map(({ finding }) => ({
        code: finding.code,
        severity: SEVERITY[finding.severity],
        message: finding.message,
        line: finding.range?.line ?? 1,
        column: finding.range?.column ?? 1,
        path: finding.pointer,
      })),
  };
}

function textReport(files: readonly CheckedFile[], io: CliIo): void {
  const counts: Record<CliSeverity, number> = { error: 0, 'security-warning': 0, warning: 0, suggestion: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      counts[finding.severity]++;
      const message = finding.message.replace(/\s+/g, ' ');
      io.stdout(
        `${file.file}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.code}  ${message}\n`,
      );
    }
  }
  const total = counts.error + counts['security-warning'] + counts.warning + counts.suggestion;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (total === 0) {
    io.stderr(`✔ no problems (${plural(files.length, 'file')})\n`);
    return;
  }
  const parts = [
    plural(counts.error, 'error'),
    plural(counts['security-warning'], 'security warning'),
    plural(counts.warning, 'warning'),
    plural(counts.suggestion, 'suggestion'),
  ];
  io.stderr(`${counts.error > 0 ? '✖' : '⚠'} ${plural(total, 'problem')} (${parts.join(', ')})\n`);
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { kind, format, files } = parseOptions(args);
  if (files.filter((file) => file === '-').length > 1)
    throw new UsageError('"-" (standard input) can be given once');
  // Read every file first, so an unreadable one stops the run before any output.
  const texts: { file: string; text: string }[] = [];
  for (const file of files)
    texts.push({ file: file === '-' ? '<stdin>' : file, text: await readInput(file, io) });
  const loader = await loadCatalog(io);
  const results = texts.map(({ file, text }) => checkText(file, text, kind, loader.view));
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ files: results })}\n`);
  } else {
    textReport(results, io);
  }
  return results.some((file) => file.findings.some((finding) => finding.severity === 'error'))
    ? EXIT_FINDINGS
    : EXIT_OK;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate policy files offline (IAM grammar and Access Analyzer checks)',
  help: HELP,
  run,
};
