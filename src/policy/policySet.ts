/**
 * A policy set: the fewest policies, each within its size quota, that together grant exactly what
 * one document grants. Pure: no I/O, the catalog is passed in.
 *
 * packPolicySet compacts the document first (compact.ts, which keeps it exact). When the compacted
 * document fits the quota, that is the answer. Otherwise its statements are packed into parts:
 *  - a statement that cannot be divided soundly is placed whole, largest first, into the first part
 *    with room (first-fit decreasing): a statement with a Condition (kept whole by choice, so that
 *    each condition reads as written), a NotAction statement ("everything except A" and
 *    "everything except B" together are "everything except A ∩ B", which is more), a statement
 *    without a usable Action list, and one naming a single entry;
 *  - every other statement (an Action list, no Condition) is divided by its entries: IAM evaluates
 *    all the policies of a principal together, and the statements with Action A and with Action B
 *    under the same Effect and Resource grant (or deny) exactly what one statement with A ∪ B
 *    does. Its entries flow, in order, into the room left in the parts, then into new parts; each
 *    piece is a copy of the statement with part of the list (and a Sid made unique, "SidPart2"...).
 * Each Deny statement appears once, in some part: a Deny in any attached policy applies to every
 * request of the principal (attach all the parts together; a part attached alone lacks the others'
 * Denies).
 *
 * The result is proved: every part within the quota, and the parts' statements together name the
 * same actions under each statement context (grants.ts) and allow the same actions (expand.ts) as
 * the original document. A result that does not check out is a failure, never a success.
 */
import type { CatalogView } from '../catalog/catalog';
import { compactPolicy, documentSize } from './compact';
import type { CompactOptions, CompactResult } from './compact';
import { setMember } from './edit';
import { actionsAllowed, statementActionKeys } from './expand';
import { actionElement, grantDifference, sameSet, statementObjects } from './grants';
import { getMember, isJsonObject } from './json';
import type { JsonObject, JsonValue, PolicyKind } from './model';
import { SIZE_QUOTAS } from './model';
import { buildModel } from './parse';
import { checkDivisible } from './split';

export interface PolicySetOptions {
  /** the size every part must stay within; default SIZE_QUOTAS[kind] */
  readonly quota?: number;
  /** the kind of policy the parts are (default 'managed'); gives the quota when none is given */
  readonly kind?: PolicyKind;
  /** the name of the first part; the others are "Stem-2", "Stem-3"... (default "Policy") */
  readonly stem?: string;
  /** how to compact first (default: mergeStatements, wildcards anywhere, not level-safe) */
  readonly compact?: CompactOptions;
}

export interface ActionShare {
  /** catalog actions the part's Allow statements name (conditions and Denies not subtracted) */
  readonly count: number;
  /** the same, per service prefix, in catalog order of services */
  readonly byService: Readonly<Record<string, number>>;
}

export interface PolicySetPart {
  /** "Stem", "Stem-2", "Stem-3"... */
  readonly name: string;
  readonly document: JsonObject;
  /** size as IAM counts it (minified) */
  readonly size: number;
  readonly actions: ActionShare;
}

export interface PolicySetProof {
  /** actionsAllowed of all parts together equals actionsAllowed of the original */
  readonly allowedEqual: boolean;
  /** how many catalog actions the original allows */
  readonly allowedCount: number;
  /** every statement context names the same actions in the parts together as in the original */
  readonly grantsEqual: boolean;
  /** every part's size is within the quota */
  readonly partsWithinQuota: boolean;
}

export interface PolicySetSuccess {
  readonly ok: true;
  readonly quota: number;
  /** the compacted document is within the quota: it is the only part */
  readonly fits: boolean;
  readonly compaction: CompactResult;
  /** the parts (one, the compacted document, when it fits) */
  readonly parts: readonly PolicySetPart[];
  /** no packing can use fewer parts than this: the compacted statements' size over a part's room */
  readonly lowerBound: number;
  readonly proof: PolicySetProof;
}

export type PolicySetFailureReason =
  /** the document is not an object with a Statement array or object, or a statement is not an object */
  | 'not-a-policy'
  /** the quota is not a positive number, or even a part with no statement is over it */
  | 'quota-too-small'
  /** one statement that cannot be divided (see the module comment) is over the quota alone */
  | 'statement-too-large'
  /** the result failed its check; a bug if it ever happens */
  | 'proof-failed';

export interface PolicySetFailure {
  readonly ok: false;
  readonly reason: PolicySetFailureReason;
  /** says what is wrong and what to do */
  readonly message: string;
  /** the statement concerned, as an index into the compacted document */
  readonly statementIndex?: number;
}

export type PolicySetResult = PolicySetSuccess | PolicySetFailure;

function fail(reason: PolicySetFailureReason, message: string, statementIndex?: number): PolicySetFailure {
  return statementIndex === undefined
    ? { ok: false, reason, message }
    : { ok: false, reason, message, statementIndex };
}

/** The name of part `n` (1-based) of a set: "Stem", "Stem-2", ... */
export function partName(stem: string, n: number): string {
  return n <= 1 ? stem : `${stem}-${n}`;
}

/** A Condition that can restrict the statement: present and not `{}`. */
function hasConditionMember(statement: JsonObject): boolean {
  const condition = getMember(statement, 'Condition');
  if (condition === undefined) return false;
  return !(isJsonObject(condition) && Object.keys(condition).length === 0);
}

/** Why a statement is placed whole, or undefined when it may be divided by its Action entries. */
function wholeReason(statement: JsonObject): string | undefined {
  if (hasConditionMember(statement)) return 'it has a Condition';
  const element = actionElement(statement);
  if (!element) return 'it has no usable Action list';
  if (element.key === 'NotAction') return 'it uses NotAction, which cannot be divided without allowing more';
  if (element.values.length < 2) return 'it names a single action';
  return undefined;
}

interface Piece {
  readonly statement: JsonObject;
  readonly size: number;
  /** statement index in the compacted document */
  readonly index: number;
  /** 0 for a whole statement, 1, 2... for the pieces of a divided one */
  readonly chunk: number;
}

interface Bin {
  readonly pieces: Piece[];
  /** characters used by the pieces and the commas between them */
  used: number;
}

/** The cost of adding a piece of `size` to a bin: its size, and a comma unless it is the first. */
function cost(bin: Bin, size: number): number {
  return size + (bin.pieces.length > 0 ? 1 : 0);
}

/** A Sid not in `taken`: "Sid" + "Part2", "Part3", ... */
function chunkSid(sid: string, chunk: number, taken: Set<string>): string {
  let candidate = `${sid}Part${chunk}`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${sid}Part${chunk}x${n}`;
  taken.add(candidate);
  return candidate;
}

function actionShare(document: JsonObject, catalog: CatalogView): ActionShare {
  const keys = new Set<string>();
  for (const statement of buildModel(document).statements) {
    if (statement.effect !== 'Allow') continue;
    for (const key of statementActionKeys(statement, catalog)) keys.add(key);
  }
  const counts = new Map<string, number>();
  for (const key of keys) {
    const service = key.slice(0, key.indexOf(':'));
    counts.set(service, (counts.get(service) ?? 0) + 1);
  }
  const byService: Record<string, number> = {};
  for (const service of [...counts.keys()].sort()) byService[service] = counts.get(service) ?? 0;
  return { count: keys.size, byService };
}

/** Packs a document into the fewest parts within the quota that together grant exactly the same (see the module comment). */
export function packPolicySet(
  document: JsonValue,
  catalog: CatalogView,
  options: PolicySetOptions = {},
): PolicySetResult {
  const quota = options.quota ?? SIZE_QUOTAS[options.kind ?? 'managed'];
  const stem = options.stem ?? 'Policy';
  const checked = checkDivisible(document, quota);
  if (!checked.ok) return checked;
  const policy = checked.policy;

  const compaction = compactPolicy(document, catalog, { mergeStatements: true, ...options.compact });
  const source = compaction.document as JsonObject;
  const statements = statementObjects(source);
  const skeleton = setMember(source, 'Statement', []);
  const capacity = quota - documentSize(skeleton);
  const total = statements.reduce((sum, statement) => sum + documentSize(statement), 0) + Math.max(0, statements.length - 1);
  const lowerBound = capacity > 0 ? Math.max(1, Math.ceil(total / capacity)) : Infinity;

  if (compaction.after <= quota) {
    const parts: PolicySetPart[] = [
      { name: partName(stem, 1), document: source, size: compaction.after, actions: actionShare(source, catalog) },
    ];
    return prove(policy, parts, quota, catalog, { fits: true, compaction, lowerBound });
  }
  if (capacity <= 0) {
    return fail('quota-too-small', `Even a part with no statements takes ${documentSize(skeleton)} characters, over the quota of ${quota}.`);
  }

  const bins: Bin[] = [];
  const place = (bin: Bin, piece: Piece) => {
    bin.used += cost(bin, piece.size);
    bin.pieces.push(piece);
  };
  const newBin = (): Bin => {
    const bin: Bin = { pieces: [], used: 0 };
    bins.push(bin);
    return bin;
  };
  const items = statements.map((statement, index) => ({ statement, index, size: documentSize(statement) }));

  // Whole statements, first-fit decreasing.
  const whole = items
    .filter((item) => wholeReason(item.statement) !== undefined)
    .sort((a, b) => b.size - a.size || a.index - b.index);
  for (const item of whole) {
    if (item.size > capacity) {
      return fail(
        'statement-too-large',
        `Statement ${item.index} alone takes ${item.size} characters, over the ${capacity} a part of ${quota} has room for, and is kept whole: ${wholeReason(item.statement) ?? ''}.`,
        item.index,
      );
    }
    const bin = bins.find((b) => b.used + cost(b, item.size) <= capacity) ?? newBin();
    place(bin, { statement: item.statement, size: item.size, index: item.index, chunk: 0 });
  }

  // Divisible statements: their entries flow into the room left, then into new parts.
  const taken = new Set<string>();
  for (const statement of statements) {
    const sid = getMember(statement, 'Sid');
    if (typeof sid === 'string') taken.add(sid);
  }
  const divisible = items.filter((item) => wholeReason(item.statement) === undefined);
  for (const item of divisible) {
    const element = actionElement(item.statement);
    if (!element) continue;
    const values = element.values;
    const lengths = values.map((value) => JSON.stringify(value).length);
    const sid = getMember(item.statement, 'Sid');
    let next = 0;
    let chunk = 1;
    let cursor = 0;
    while (next < values.length) {
      const sidFor = typeof sid === 'string' && chunk > 1 ? chunkSid(sid, chunk, taken) : undefined;
      const pieceOf = (list: readonly string[]): JsonObject => {
        const statement = setMember(item.statement, 'Action', list.length === 1 ? (list[0] as string) : [...list]);
        return sidFor === undefined ? statement : setMember(statement, 'Sid', sidFor);
      };
      const wrapper = documentSize(pieceOf([]));
      const first = lengths[next] as number;
      // the first part from `cursor` on with room for the wrapper and the first entry
      while (cursor < bins.length) {
        const bin = bins[cursor] as Bin;
        if (bin.used + cost(bin, wrapper + first) <= capacity) break;
        cursor++;
      }
      const bin = bins[cursor] ?? newBin();
      if (bin.used + cost(bin, wrapper + first) > capacity) {
        return fail(
          'statement-too-large',
          `Statement ${item.index} names an entry (${values[next] ?? ''}) that does not fit in a part of ${quota} characters even alone.`,
          item.index,
        );
      }
      let size = wrapper + first;
      let end = next + 1;
      while (end < values.length && bin.used + cost(bin, size + 1 + (lengths[end] as number)) <= capacity) {
        size += 1 + (lengths[end] as number);
        end += 1;
      }
      // A single entry is written as a string, two characters fewer than the estimate.
      const statement = pieceOf(values.slice(next, end));
      place(bin, { statement, size: documentSize(statement), index: item.index, chunk });
      next = end;
      chunk += 1;
    }
  }

  const order = (a: Piece, b: Piece) => a.index - b.index || a.chunk - b.chunk;
  const ordered = bins
    .map((bin) => bin.pieces.slice().sort(order))
    .filter((pieces) => pieces.length > 0)
    .sort((a, b) => order(a[0] as Piece, b[0] as Piece));
  const parts = ordered.map((pieces, i): PolicySetPart => {
    const part = setMember(
      source,
      'Statement',
      pieces.map((piece) => piece.statement),
    );
    return { name: partName(stem, i + 1), document: part, size: documentSize(part), actions: actionShare(part, catalog) };
  });
  return prove(policy, parts, quota, catalog, { fits: false, compaction, lowerBound });
}

/** Checks the parts against the original (see PolicySetProof). */
function prove(
  original: JsonObject,
  parts: readonly PolicySetPart[],
  quota: number,
  catalog: CatalogView,
  rest: { readonly fits: boolean; readonly compaction: CompactResult; readonly lowerBound: number },
): PolicySetResult {
  const union = parts.flatMap((part) => statementObjects(part.document));
  const before = actionsAllowed(buildModel(original), catalog);
  const after = actionsAllowed(buildModel({ Statement: union }), catalog);
  const proof: PolicySetProof = {
    allowedEqual: sameSet(before, after),
    allowedCount: before.size,
    grantsEqual: grantDifference(statementObjects(original), union, catalog) === undefined,
    partsWithinQuota: parts.every((part) => part.size <= quota),
  };
  if (!proof.allowedEqual || !proof.grantsEqual || !proof.partsWithinQuota) {
    return fail('proof-failed', `The policy set did not check out: ${JSON.stringify(proof)}.`);
  }
  return { ok: true, quota, parts, proof, ...rest };
}
