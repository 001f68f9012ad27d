/**
 * "Exclude a service" as the dialog shows it: what excludeService would do to the draft, the
 * cross-service wildcards it cannot remove on its own, and the document after the chosen remedy.
 */
import type { CatalogView } from '../../catalog/catalog';
import { documentSize } from '../../policy/compact';
import { addDenyForService, excludeService, expandCrossServiceWildcards } from '../../policy/exclude';
import type { ExcludeNote } from '../../policy/exclude';
import { actionsAllowed } from '../../policy/expand';
import type { JsonValue } from '../../policy/model';
import { buildModel } from '../../policy/parse';
import { formatCount } from './managedPolicyFilter';

/** What to do about wildcards that match the service and others ("*:Get*", "*"). */
export type ExcludeRemedy = 'expand' | 'deny';

export type CrossServiceNote = Extract<ExcludeNote, { kind: 'cross-service-pattern' }>;

export interface ExcludePlan {
  /** the draft after the exclusion (and the remedy, when one is needed) */
  readonly document: JsonValue;
  /** wildcards that still allow the service without a remedy */
  readonly crossService: readonly CrossServiceNote[];
  /** what the exclusion does, in words (statement numbers are 1-based block numbers) */
  readonly changes: readonly string[];
  /** old indexes of the statements that are removed */
  readonly removedStatements: ReadonlySet<number>;
  /** statements appended at the end (the Deny of the 'deny' remedy) */
  readonly appended: number;
  readonly sizeBefore: number;
  readonly sizeAfter: number;
  /** false when the draft does not change */
  readonly changed: boolean;
  /** set when the rewrite failed its check; the draft must be left alone */
  readonly error?: string;
  /** how many actions of other services stay allowed (checked: exactly those allowed before) */
  readonly othersAllowed: number;
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

function describe(note: ExcludeNote): string | undefined {
  const block = `Permission block ${note.statementIndex + 1}`;
  switch (note.kind) {
    case 'entries-removed':
      return `${block}: removes ${note.entries.join(', ')}.`;
    case 'statement-removed':
      return `${block} named nothing else, so it is removed.`;
    case 'not-action-extended':
      return `${block} allows everything except its NotAction list: adds ${note.added} to that list.`;
    case 'pattern-expanded':
      return `${block}: ${note.pattern} becomes ${plural(note.replacement.length, 'per-service pattern')} (${note.replacement.slice(0, 3).join(', ')}${note.replacement.length > 3 ? ', …' : ''}).`;
    case 'cross-service-pattern':
      return undefined;
  }
}

/** Plans excluding `service` (a prefix) from `document`, with `remedy` for cross-service wildcards. */
export function planExclusion(
  document: JsonValue,
  service: string,
  catalog: CatalogView,
  remedy: ExcludeRemedy,
): ExcludePlan {
  const sizeBefore = documentSize(document);
  const base = excludeService(document, service, catalog);
  const crossService = base.notes.filter(
    (note): note is CrossServiceNote => note.kind === 'cross-service-pattern',
  );
  /** The plan that changes nothing, with the reason. */
  const refused = (error: string): ExcludePlan => ({
    document,
    crossService,
    changes: [],
    removedStatements: new Set(),
    appended: 0,
    sizeBefore,
    sizeAfter: sizeBefore,
    changed: false,
    othersAllowed: 0,
    error,
  });
  let result = base;
  let appended = 0;
  let output = base.document;
  const extra: string[] = [];
  if (crossService.length > 0 && remedy === 'expand') {
    try {
      result = expandCrossServiceWildcards(document, service, catalog);
      output = result.document;
    } catch (error) {
      return refused(
        `Expanding the wildcards did not check out, so nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  } else if (crossService.length > 0 && remedy === 'deny') {
    output = addDenyForService(base.document, service);
    appended = 1;
    extra.push(`Adds a Deny block for ${service.toLowerCase()}:* at the end.`);
  }
  const removedStatements = new Set(
    result.notes.filter((note) => note.kind === 'statement-removed').map((note) => note.statementIndex),
  );
  const changes = [
    ...result.notes.map(describe).filter((line): line is string => line !== undefined),
    ...extra,
  ];
  // The proof: the service is gone, and every other action allowed before still is (and no more).
  const check = checkExclusion(document, output, service, catalog);
  if (check.error !== undefined) {
    return refused(check.error);
  }
  return {
    othersAllowed: check.othersAllowed,
    document: output,
    crossService,
    changes,
    removedStatements,
    appended,
    sizeBefore,
    sizeAfter: documentSize(output),
    changed: output !== document,
  };
}

function checkExclusion(
  before: JsonValue,
  after: JsonValue,
  service: string,
  catalog: CatalogView,
): { othersAllowed: number; error?: string } {
  const prefix = `${service.toLowerCase()}:`;
  const was = actionsAllowed(buildModel(before), catalog);
  const now = actionsAllowed(buildModel(after), catalog);
  const left = [...now].filter((key) => key.startsWith(prefix));
  const expected = [...was].filter((key) => !key.startsWith(prefix));
  const same = expected.length === now.size - left.length && expected.every((key) => now.has(key));
  if (left.length > 0) {
    return {
      othersAllowed: 0,
      error: `The result would still allow ${formatCount(left.length)} actions of ${service}, so nothing was changed.`,
    };
  }
  if (!same)
    return {
      othersAllowed: 0,
      error: 'The result would change what other services allow, so nothing was changed.',
    };
  return { othersAllowed: expected.length };
}

/** One sentence about a cross-service wildcard, e.g. for "*:Get*" and Amazon S3. */
export function describeCrossService(note: CrossServiceNote, serviceName: string): string {
  return `Permission block ${note.statementIndex + 1}: "${note.pattern}" matches ${plural(note.matchedActions, 'action')} of ${serviceName} (and ${plural(note.otherActions, 'action')} of other services). Removing it would take the other services away too; keeping it keeps ${serviceName}.`;
}
