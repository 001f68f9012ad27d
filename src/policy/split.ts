/**
 * Splitting a policy that is over its size quota into several policies, each under it, that
 * together allow exactly what the original allows.
 *
 * Why this is sound. The policies are meant to be attached to the same principal, and IAM
 * evaluates all the identity policies of a principal together: a request is allowed when some
 * Allow statement of some policy matches it and no Deny statement of any policy does. So:
 *  - statements can be distributed over the parts freely;
 *  - a statement whose Action list is A ∪ B can become two statements with the same Effect,
 *    Resource / NotResource and Condition, one with A and one with B: each request matches the
 *    pair exactly when it matched the original (the Condition is evaluated per request, the same
 *    for both). This holds for Allow and Deny, and with NotResource too, since the NotResource list
 *    itself is never divided;
 *  - a NotAction list can NOT be divided: "everything except A" and "everything except B"
 *    together are "everything except A ∩ B", which is more. Such statements are kept whole, and
 *    the split is refused when one alone is over the quota (the same for a statement with no
 *    usable Action list);
 *  - an explicit Deny in any attached policy applies to every request of the principal, so each
 *    Deny statement needs to appear only once, in any part. That is what is done by default (the
 *    smallest correct result). `denyInEveryPart` copies every Deny into every part instead, which
 *    keeps each part safe on its own should it ever be attached without the others.
 *
 * The result is checked: the union of the parts allows the same actions (actionsAllowed) and names
 * the same actions under each statement context (grants.ts) as the original; every part is within
 * the quota. A failed check is reported, never returned as a success.
 */
import type { CatalogView } from '../catalog/catalog';
import { compactPolicy, documentSize } from './compact';
import type { CompactOptions, CompactResult, WildcardPlacement } from './compact';
import { setMember } from './edit';
import { actionsAllowed } from './expand';
import { actionElement, grantDifference, sameSet, statementObjects } from './grants';
import { getMember, isJsonObject } from './json';
import type { JsonObject, JsonValue } from './model';
import { buildModel } from './parse';

export interface SplitOptions {
  /** the size every part must stay within, e.g. SIZE_QUOTAS.managed (6144) */
  readonly quota: number;
  /** compact the document first (compactPolicy) */
  readonly compact?: boolean;
  /** with compact: also merge statements (CompactOptions.mergeStatements) */
  readonly mergeStatements?: boolean;
  /** with compact: where wildcards may end (CompactOptions.wildcards) */
  readonly wildcards?: WildcardPlacement;
  /** copy every Deny statement into every part (default: each Deny once, see the module comment) */
  readonly denyInEveryPart?: boolean;
  /** refuse when more parts than this would be needed (IAM attaches 10 managed policies by default) */
  readonly maxParts?: number;
}

export interface SplitProof {
  /** actionsAllowed of all parts together equals actionsAllowed of the original */
  readonly allowedEqual: boolean;
  /** how many catalog actions the original allows */
  readonly allowedCount: number;
  /** every statement context names the same actions in the parts together as in the original */
  readonly grantsEqual: boolean;
  /** every part's size is within the quota */
  readonly partsWithinQuota: boolean;
}

export interface SplitSuccess {
  readonly ok: true;
  /** the parts, each a complete policy document (the original's other top-level keys included) */
  readonly documents: readonly JsonObject[];
  /** the size of each part as IAM counts it (minified) */
  readonly sizes: readonly number[];
  readonly proof: SplitProof;
  /** the compaction applied first, when asked for */
  readonly compaction?: CompactResult;
}

export type SplitFailureReason =
  /** the document is not an object with a Statement array or object, or a statement is not an object */
  | 'not-a-policy'
  /** even an empty part (Version, Statement: [] and any Deny copied into every part) is over the quota */
  | 'quota-too-small'
  /** one statement is over the quota and cannot be divided (NotAction, one action, or no Action list) */
  | 'statement-too-large'
  | 'too-many-parts'
  /** the result failed its check; a bug if it ever happens */
  | 'proof-failed';

export interface SplitFailure {
  readonly ok: false;
  readonly reason: SplitFailureReason;
  /** says what is wrong and what to do */
  readonly message: string;
  /** the statement concerned, as an index into the document that was split (after compaction, when asked) */
  readonly statementIndex?: number;
}

export type SplitResult = SplitSuccess | SplitFailure;

interface Piece {
  readonly statement: JsonObject;
  readonly size: number;
  /** index of the statement in the document split */
  readonly index: number;
  /** 0 for a whole statement, 1, 2, ... for the pieces of a divided one */
  readonly chunk: number;
}

interface Part {
  readonly pieces: Piece[];
  /** statements in the part (fixed ones included) */
  count: number;
  /** characters used by the part's pieces and their separating commas */
  used: number;
}

function fail(reason: SplitFailureReason, message: string, statementIndex?: number): SplitFailure {
  return statementIndex === undefined
    ? { ok: false, reason, message }
    : { ok: false, reason, message, statementIndex };
}

/** A Sid not in `taken`: "Sid" + "Part2", "Part3", ... */
function chunkSid(sid: string, chunk: number, taken: Set<string>): string {
  let candidate = `${sid}Part${chunk}`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${sid}Part${chunk}x${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * What stops a document from being split or packed before any work starts: a quota that is not a
 * positive number, or a document that is not a policy with object statements; else the policy object.
 */
export function checkDivisible(
  document: JsonValue,
  quota: number,
):
  | { readonly ok: true; readonly policy: JsonObject }
  | (SplitFailure & { readonly reason: 'not-a-policy' | 'quota-too-small' }) {
  if (!Number.isFinite(quota) || quota <= 0) {
    return { ok: false, reason: 'quota-too-small', message: `The quota must be a positive number of characters, not ${quota}.` };
  }
  const statementValue = isJsonObject(document) ? getMember(document, 'Statement') : undefined;
  if (!isJsonObject(document) || !(isJsonObject(statementValue) || Array.isArray(statementValue))) {
    return { ok: false, reason: 'not-a-policy', message: 'The document is not a policy: it needs a Statement array or object.' };
  }
  if (Array.isArray(statementValue) && !statementValue.every(isJsonObject)) {
    const index = statementValue.findIndex((entry) => !isJsonObject(entry));
    return {
      ok: false,
      reason: 'not-a-policy',
      message: `Statement ${index} is not an object; fix it before splitting.`,
      statementIndex: index,
    };
  }
  return { ok: true, policy: document };
}

/** Splits a policy document into parts within `options.quota` (see the module comment). */
export function splitPolicy(document: JsonValue, catalog: CatalogView, options: SplitOptions): SplitResult {
  const { quota } = options;
  const checked = checkDivisible(document, quota);
  if (!checked.ok) return checked;
  const policy = checked.policy;

  const compactOptions: CompactOptions = {
    mergeStatements: options.mergeStatements === true,
    ...(options.wildcards ? { wildcards: options.wildcards } : {}),
  };
  const compaction = options.compact ? compactPolicy(document, catalog, compactOptions) : undefined;
  const source = (compaction?.document ?? document) as JsonObject;
  const statements = statementObjects(source);

  const withCompaction = (result: Omit<SplitSuccess, 'compaction'>): SplitSuccess =>
    compaction ? { ...result, compaction } : result;

  if (documentSize(source) <= quota) {
    const check = prove(policy, [source], [documentSize(source)], quota, catalog);
    if (!check.ok) return check;
    return withCompaction({
      ok: true,
      documents: [source],
      sizes: [documentSize(source)],
      proof: check.proof,
    });
  }

  const fixed = options.denyInEveryPart
    ? statements
        .map((statement, index) => ({ statement, index }))
        .filter((s) => getMember(s.statement, 'Effect') === 'Deny')
    : [];
  const fixedSet = new Set(fixed.map((s) => s.index));
  const skeleton = setMember(
    source,
    'Statement',
    fixed.map((s) => s.statement),
  );
  const baseSize = documentSize(skeleton);
  if (baseSize >= quota) {
    return fail(
      'quota-too-small',
      `Even a part with no statements${fixed.length > 0 ? ' but the Deny statements' : ''} takes ${baseSize} characters, over the quota of ${quota}.`,
    );
  }
  const capacity = quota - baseSize;
  const cost = (part: Part, size: number) => size + (part.count > 0 ? 1 : 0);
  const room = (part: Part) => capacity - part.used;
  const parts: Part[] = [];
  const newPart = (): Part => {
    const part: Part = { pieces: [], count: fixed.length, used: 0 };
    parts.push(part);
    return part;
  };
  const place = (part: Part, piece: Piece) => {
    part.used += cost(part, piece.size);
    part.count += 1;
    part.pieces.push(piece);
  };

  const taken = new Set<string>();
  for (const statement of statements) {
    const sid = getMember(statement, 'Sid');
    if (typeof sid === 'string') taken.add(sid);
  }

  const items = statements
    .map((statement, index) => ({ statement, index, size: documentSize(statement) }))
    .filter((item) => !fixedSet.has(item.index))
    .sort((a, b) => b.size - a.size || a.index - b.index);

  for (const item of items) {
    const empty: Part = { pieces: [], count: fixed.length, used: 0 };
    if (cost(empty, item.size) <= capacity) {
      const target = parts.find((part) => cost(part, item.size) <= room(part)) ?? newPart();
      place(target, { statement: item.statement, size: item.size, index: item.index, chunk: 0 });
      continue;
    }
    // Over the quota alone: divide its Action list, if it has one.
    const element = actionElement(item.statement);
    if (element?.key !== 'Action' || element.values.length < 2) {
      const why =
        element?.key === 'NotAction'
          ? 'it uses NotAction, which cannot be divided without allowing more'
          : element === undefined
            ? 'it has no Action list to divide'
            : 'it names a single action';
      return fail(
        'statement-too-large',
        `Statement ${item.index} alone takes ${item.size} characters, over the quota of ${quota}, and cannot be split: ${why}.`,
        item.index,
      );
    }
    const sid = getMember(item.statement, 'Sid');
    const lengths = element.values.map((value) => JSON.stringify(value).length);
    let next = 0;
    for (let chunk = 1; next < element.values.length; chunk++) {
      const newSid = typeof sid === 'string' && chunk > 1 ? chunkSid(sid, chunk, taken) : undefined;
      const chunkStatement = (values: string[]): JsonObject => {
        const statement = setMember(item.statement, 'Action', values);
        return newSid === undefined ? statement : setMember(statement, 'Sid', newSid);
      };
      const wrapper = documentSize(chunkStatement([]));
      const first = lengths[next] as number;
      const candidates = parts.filter((part) => cost(part, wrapper + first) <= room(part));
      const target =
        candidates.sort((a, b) => room(b) - room(a))[0] ??
        (cost(empty, wrapper + first) <= capacity ? newPart() : undefined);
      if (!target) {
        return fail(
          'statement-too-large',
          `Statement ${item.index} names an action (${element.values[next] ?? ''}) that does not fit in a part of ${quota} characters even alone.`,
          item.index,
        );
      }
      let size = wrapper + first;
      let end = next + 1;
      while (
        end < element.values.length &&
        cost(target, size + 1 + (lengths[end] as number)) <= room(target)
      ) {
        size += 1 + (lengths[end] as number);
        end += 1;
      }
      const statement = chunkStatement(element.values.slice(next, end));
      place(target, { statement, size: documentSize(statement), index: item.index, chunk });
      next = end;
    }
  }

  if (options.maxParts !== undefined && parts.length > options.maxParts) {
    return fail(
      'too-many-parts',
      `The policy needs ${parts.length} parts of at most ${quota} characters, more than the ${options.maxParts} allowed.`,
    );
  }

  const order = (a: { index: number; chunk: number }, b: { index: number; chunk: number }) =>
    a.index - b.index || a.chunk - b.chunk;
  const ordered = parts
    .map((part) => part.pieces.slice().sort(order))
    .sort((a, b) => order(a[0] as Piece, b[0] as Piece));
  const documents = ordered.map((pieces) => {
    const all = [...fixed.map((s) => ({ statement: s.statement, index: s.index, chunk: 0 })), ...pieces].sort(
      order,
    );
    return setMember(
      source,
      'Statement',
      all.map((piece) => piece.statement),
    );
  });
  const sizes = documents.map(documentSize);
  const check = prove(policy, documents, sizes, quota, catalog);
  if (!check.ok) return check;
  return withCompaction({ ok: true, documents, sizes, proof: check.proof });
}

/** Checks the parts against the original (see SplitProof). */
function prove(
  original: JsonObject,
  documents: readonly JsonObject[],
  sizes: readonly number[],
  quota: number,
  catalog: CatalogView,
): { ok: true; proof: SplitProof } | SplitFailure {
  const union = documents.flatMap(statementObjects);
  const before = actionsAllowed(buildModel(original), catalog);
  const after = actionsAllowed(buildModel({ Statement: union }), catalog);
  const proof: SplitProof = {
    allowedEqual: sameSet(before, after),
    allowedCount: before.size,
    grantsEqual: grantDifference(statementObjects(original), union, catalog) === undefined,
    partsWithinQuota: sizes.every((size) => size <= quota),
  };
  if (proof.allowedEqual && proof.grantsEqual && proof.partsWithinQuota) return { ok: true, proof };
  return fail('proof-failed', `The split did not check out: ${JSON.stringify(proof)}.`);
}
