/**
 * The editor's state and its one reducer. The visual editor and the JSON view both dispatch
 * actions here; JSON text goes through the core's parse first. Pure: tested without React.
 *
 * `text` is exactly what the JSON view shows, and `parsed` its one parse result (nobody parses the
 * text again). `document` is the last document that parsed: the visual editor shows it. While the
 * text does not parse, `document` keeps the last valid state and the text stays exactly as typed.
 *
 * Blocks keep their identity by content: `ids[i]` names the i-th entry of the Statement array
 * (non-object entries included, so they never shift blocks), and after a JSON edit each block
 * follows its statement (identical statements first, in order, then moved ones, then edited ones
 * between them), never its position.
 */
import { addStatement, duplicateStatement, moveStatement, newPolicy, removeStatement, setStatementField } from '../policy/edit';
import { getMember, isJsonObject } from '../policy/json';
import type { JsonObject, JsonValue, ParseResult, PolicyKind } from '../policy/model';
import { parse } from '../policy/parse';
import { serializeDocument } from '../policy/serialize';

/** What the visual editor remembers about a block that JSON cannot hold. */
export interface BlockMeta {
  readonly collapsed?: boolean;
  /** the service chosen for a block that has no actions yet */
  readonly service?: string;
  /** where an imported block came from */
  readonly source?: { readonly policyName: string; readonly policyArn?: string; readonly version?: string };
}

/**
 * Where the draft came from when it is a policy set opened from the account: the set's parts as
 * they were opened, and what the set was built from (recorded in the parts' tags at creation).
 * It stays with the draft through edits and goes when the draft is replaced by anything else.
 */
export interface PolicySetOrigin {
  readonly kind: 'policySet';
  /** the set's name: its parts' iam-workbench:set tag, and the first part's name */
  readonly name: string;
  readonly description?: string;
  /** the parts in the account when the set was opened, in part order */
  readonly parts: readonly { readonly name: string; readonly arn: string; readonly versionId: string }[];
  /** the users, groups and roles the parts are attached to */
  readonly attachedTo: readonly { readonly kind: 'user' | 'group' | 'role'; readonly name: string }[];
  /** the AWS managed policy the set was built from, at the version it was built from */
  readonly reference?: { readonly policyName: string; readonly version: string };
  /** service prefixes excluded from the reference */
  readonly excluded: readonly string[];
  /** the retired services' actions were removed from the reference */
  readonly retiredRemoved: boolean;
}

export interface Snapshot {
  readonly text: string;
  /** the parse of `text` */
  readonly parsed: ParseResult;
  readonly document: JsonValue;
  readonly ids: readonly string[];
  readonly meta: Readonly<Record<string, BlockMeta>>;
  /** set when the draft is a policy set opened from the account */
  readonly origin?: PolicySetOrigin | undefined;
}

export interface EditorState extends Snapshot {
  /** whether `text` parses as JSON (`parsed.model !== null`) */
  readonly textValid: boolean;
  readonly kind: PolicyKind;
  readonly past: readonly Snapshot[];
  readonly future: readonly Snapshot[];
  /** goes up whenever `text` changes for a reason other than typing in the JSON view */
  readonly textRevision: number;
  /** label and time of the last undoable change, to merge bursts of typing into one step */
  readonly lastChange?: { readonly label: string; readonly at: number };
  /** source of the next id; ids are stable keys for blocks */
  readonly nextId: number;
}

export type PolicyAction =
  | { type: 'setField'; id: string; key: string; value: JsonValue | undefined; label?: string }
  | { type: 'setFields'; id: string; fields: Readonly<Record<string, JsonValue | undefined>>; label?: string }
  /** `collapseOthers`: the new block is where the user works now, the others collapse */
  | { type: 'addBlock'; statement?: JsonObject; meta?: BlockMeta; at?: number; collapseOthers?: boolean }
  /** replaces one block by several statements (the first keeps the block), one undo step */
  | { type: 'splitBlock'; id: string; statements: readonly JsonObject[]; label: string }
  | { type: 'appendBlocks'; statements: readonly JsonObject[]; meta?: BlockMeta }
  | { type: 'removeBlock'; id: string }
  | { type: 'duplicateBlock'; id: string }
  | { type: 'moveBlock'; id: string; to: number }
  | { type: 'setMeta'; id: string; meta: Partial<BlockMeta>; undoable?: boolean }
  /** collapses (or expands) every block */
  | { type: 'setAllCollapsed'; collapsed: boolean }
  | { type: 'setText'; text: string; at?: number }
  /** replaces the whole draft; `text`, when given, is the document's text as given and is kept byte for byte */
  | {
      type: 'replaceDocument';
      document: JsonValue;
      text?: string;
      label: string;
      meta?: readonly BlockMeta[];
      /** what the new draft is (a policy set opened from the account); anything else replaced forgets it */
      origin?: PolicySetOrigin;
    }
  /** replaces the whole draft by text exactly as given (a shared draft), even text that does not parse */
  | { type: 'loadText'; text: string; label: string; kind?: PolicyKind }
  | { type: 'setKind'; kind: PolicyKind }
  | { type: 'undo' }
  | { type: 'redo' };

export const HISTORY_LIMIT = 100;
/** the undo label of typing in the JSON view */
export const JSON_EDIT = 'Edit JSON';
/** typing within this many milliseconds of the last keystroke is one undo step */
export const TYPING_MERGE_MS = 1000;

/** A new policy: one empty Allow block, as the console starts. */
export function newPolicyDocument(): JsonObject {
  return addStatement(newPolicy(), emptyStatement()) as JsonObject;
}

export function emptyStatement(): JsonObject {
  return { Effect: 'Allow', Action: [], Resource: [] };
}

export function statementsOf(document: JsonValue): readonly JsonValue[] {
  if (!isJsonObject(document)) return [];
  const statement = getMember(document, 'Statement');
  if (Array.isArray(statement)) return statement;
  if (isJsonObject(statement)) return [statement];
  return [];
}

export function initialState(document: JsonValue = newPolicyDocument(), kind: PolicyKind = 'managed', text?: string): EditorState {
  const n = statementsOf(document).length;
  const ids = Array.from({ length: n }, (_, i) => `b${i + 1}`);
  const shown = text ?? serializeDocument(document, { format: 'pretty' });
  const parsed = parse(shown);
  return {
    text: shown,
    parsed,
    document,
    ids,
    meta: {},
    textValid: parsed.model !== null,
    kind,
    past: [],
    future: [],
    textRevision: 0,
    nextId: n + 1,
  };
}

function snapshot(state: EditorState): Snapshot {
  return { text: state.text, parsed: state.parsed, document: state.document, ids: state.ids, meta: state.meta, origin: state.origin };
}

function pushHistory(state: EditorState, label: string, at?: number): Pick<EditorState, 'past' | 'future' | 'lastChange'> {
  const past = [...state.past, snapshot(state)];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], lastChange: { label, at: at ?? 0 } };
}

/** A visual edit: new document, text re-serialized, one undo step. */
function commitDocument(
  state: EditorState,
  document: JsonValue,
  ids: readonly string[],
  meta: Readonly<Record<string, BlockMeta>>,
  label: string,
  nextId = state.nextId,
): EditorState {
  if (document === state.document && ids === state.ids && meta === state.meta) return state;
  return {
    ...state,
    ...pushHistory(state, label),
    document,
    ids,
    meta,
    nextId,
    ...textState(serializeDocument(document, { format: 'pretty' })),
    textRevision: state.textRevision + 1,
  };
}

function textState(text: string): Pick<EditorState, 'text' | 'parsed' | 'textValid'> {
  const parsed = parse(text);
  return { text, parsed, textValid: parsed.model !== null };
}

/** The entries of a document's Statement (a single statement object is one entry). */
function entriesOf(document: JsonValue): readonly JsonValue[] {
  return statementsOf(document);
}

/** Each statement's JSON text, worked out once per statement object (documents are never mutated). */
const statementTexts = new WeakMap<object, string>();

function textOf(entry: JsonValue): string {
  if (typeof entry !== 'object' || entry === null) return JSON.stringify(entry);
  let text = statementTexts.get(entry);
  if (text === undefined) {
    text = JSON.stringify(entry);
    statementTexts.set(entry, text);
  }
  return text;
}

/**
 * Matches the statements of a new document to the blocks of the old one by content: identical
 * statements in order (longest common subsequence), then identical ones that moved, then the
 * remaining ones pairwise between those anchors (an edited statement keeps its block). Unchanged
 * statements reuse the old objects, so views and memoized blocks of unchanged blocks stay as they
 * were. Returns the ids, the next id, and the new document with shared statement objects.
 */
export function reconcileStatements(
  oldDocument: JsonValue,
  oldIds: readonly string[],
  newDocument: JsonValue,
  firstId: number,
): { ids: readonly string[]; nextId: number; document: JsonValue } {
  const before = entriesOf(oldDocument);
  const after = entriesOf(newDocument);
  const oldKeys = before.map(textOf);
  const newKeys = after.map(textOf);
  const n = before.length;
  const m = after.length;
  const match = new Array<number>(m).fill(-1); // new index -> old index
  const used = new Uint8Array(n);
  // Common prefix and suffix first (the usual edit touches one statement), then LCS in between.
  let start = 0;
  while (start < n && start < m && oldKeys[start] === newKeys[start]) {
    match[start] = start;
    used[start] = 1;
    start++;
  }
  let endOld = n;
  let endNew = m;
  while (endOld > start && endNew > start && oldKeys[endOld - 1] === newKeys[endNew - 1]) {
    endOld--;
    endNew--;
    match[endNew] = endOld;
    used[endOld] = 1;
  }
  const rows = endOld - start;
  const cols = endNew - start;
  if (rows > 0 && cols > 0 && rows * cols <= 4_000_000) {
    const table = new Uint32Array((rows + 1) * (cols + 1));
    const at = (i: number, j: number) => i * (cols + 1) + j;
    for (let i = rows - 1; i >= 0; i--) {
      for (let j = cols - 1; j >= 0; j--) {
        table[at(i, j)] =
          oldKeys[start + i] === newKeys[start + j]
            ? (table[at(i + 1, j + 1)] as number) + 1
            : Math.max(table[at(i + 1, j)] as number, table[at(i, j + 1)] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < rows && j < cols) {
      if (oldKeys[start + i] === newKeys[start + j]) {
        match[start + j] = start + i;
        used[start + i] = 1;
        i++;
        j++;
      } else if ((table[at(i + 1, j)] as number) >= (table[at(i, j + 1)] as number)) i++;
      else j++;
    }
  }
  // Moved statements: identical content elsewhere.
  const free = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (used[i]) continue;
    const key = oldKeys[i] as string;
    const list = free.get(key);
    if (list) list.push(i);
    else free.set(key, [i]);
  }
  for (let j = 0; j < m; j++) {
    if (match[j] !== -1) continue;
    const list = free.get(newKeys[j] as string);
    const i = list?.shift();
    if (i !== undefined) {
      match[j] = i;
      used[i] = 1;
    }
  }
  // Edited statements: pair what is left between anchors, in order.
  let lastOld = -1;
  let j = 0;
  while (j < m) {
    if (match[j] !== -1) {
      lastOld = Math.max(lastOld, match[j] as number);
      j++;
      continue;
    }
    let gapEnd = j;
    while (gapEnd < m && match[gapEnd] === -1) gapEnd++;
    const nextAnchor = gapEnd < m ? (match[gapEnd] as number) : n;
    let i = lastOld + 1;
    for (let k = j; k < gapEnd; k++) {
      while (i < nextAnchor && used[i]) i++;
      if (i >= nextAnchor) break;
      if (isJsonObject(before[i] as JsonValue) === isJsonObject(after[k] as JsonValue)) {
        match[k] = i;
        used[i] = 1;
      }
      i++;
    }
    j = gapEnd;
  }
  let nextId = firstId;
  const ids = match.map((i) => (i >= 0 && oldIds[i] !== undefined ? (oldIds[i] as string) : `b${nextId++}`));
  // Share unchanged statement objects with the old document.
  let shared = false;
  const statements = after.map((entry, k) => {
    const i = match[k] as number;
    if (i >= 0 && oldKeys[i] === newKeys[k] && before[i] !== entry) {
      shared = true;
      return before[i] as JsonValue;
    }
    return entry;
  });
  let document = newDocument;
  if (shared && isJsonObject(newDocument)) {
    const statement = getMember(newDocument, 'Statement');
    document = { ...newDocument, Statement: Array.isArray(statement) ? statements : (statements[0] as JsonValue) };
  }
  return { ids, nextId, document };
}

/**
 * More blocks than this arriving at once (a paste, an import) start collapsed but the first: their
 * headers and summaries show at once, a body renders when opened, and a long policy stays light.
 */
export const CROWD = 16;

/** `meta` with the blocks `added` collapsed but the first, when they are more than CROWD. */
function collapseCrowd(
  meta: Readonly<Record<string, BlockMeta>>,
  added: readonly string[],
): Readonly<Record<string, BlockMeta>> {
  if (added.length <= CROWD) return meta;
  const next: Record<string, BlockMeta> = { ...meta };
  for (const id of added.slice(1)) next[id] = { ...meta[id], collapsed: true };
  return next;
}

function withoutMeta(meta: Readonly<Record<string, BlockMeta>>, id: string): Readonly<Record<string, BlockMeta>> {
  if (!(id in meta)) return meta;
  const next = { ...meta };
  delete next[id];
  return next;
}

/** Visual edits that would re-serialize the text: refused while the JSON does not parse. */
const VISUAL_EDITS: ReadonlySet<PolicyAction['type']> = new Set([
  'setField',
  'setFields',
  'addBlock',
  'splitBlock',
  'appendBlocks',
  'removeBlock',
  'duplicateBlock',
  'moveBlock',
]);

export function policyReducer(state: EditorState, action: PolicyAction): EditorState {
  // While the JSON view holds text that does not parse, the visual editor is read-only: nothing
  // may overwrite what the user typed.
  if (!state.textValid && VISUAL_EDITS.has(action.type)) return state;
  switch (action.type) {
    case 'setField':
    case 'setFields': {
      const index = state.ids.indexOf(action.id);
      if (index < 0) return state;
      const fields = action.type === 'setField' ? { [action.key]: action.value } : action.fields;
      let document = state.document;
      for (const [key, value] of Object.entries(fields)) document = setStatementField(document, index, key, value);
      return commitDocument(state, document, state.ids, state.meta, action.label ?? `Edit ${Object.keys(fields).join(', ')}`);
    }
    case 'addBlock': {
      const count = statementsOf(state.document).length;
      const at = action.at === undefined ? count : Math.max(0, Math.min(count, action.at));
      const document = addStatement(state.document, action.statement ?? emptyStatement(), at);
      if (document === state.document) return state;
      const id = `b${state.nextId}`;
      const ids = [...state.ids.slice(0, at), id, ...state.ids.slice(at)];
      let meta = action.meta ? { ...state.meta, [id]: action.meta } : state.meta;
      if (action.collapseOthers) {
        const collapsed: Record<string, BlockMeta> = { ...meta };
        for (const other of state.ids) if (!state.meta[other]?.collapsed) collapsed[other] = { ...state.meta[other], collapsed: true };
        meta = collapsed;
      }
      return commitDocument(state, document, ids, meta, 'Add permissions', state.nextId + 1);
    }
    case 'splitBlock': {
      const index = state.ids.indexOf(action.id);
      const [first, ...rest] = action.statements;
      if (index < 0 || !first) return state;
      let document = removeStatement(state.document, index);
      action.statements.forEach((statement, k) => {
        document = addStatement(document, statement, index + k);
      });
      let nextId = state.nextId;
      const added = rest.map(() => `b${nextId++}`);
      const ids = [...state.ids.slice(0, index), action.id, ...added, ...state.ids.slice(index + 1)];
      const { service: _service, ...kept } = state.meta[action.id] ?? {};
      const meta: Record<string, BlockMeta> = { ...state.meta, [action.id]: { ...kept, collapsed: false } };
      for (const id of added) meta[id] = { ...kept, collapsed: false };
      return commitDocument(state, document, ids, meta, action.label, nextId);
    }
    case 'appendBlocks': {
      let document = state.document;
      const ids = [...state.ids];
      const meta = { ...state.meta };
      let nextId = state.nextId;
      for (const statement of action.statements) {
        const before = document;
        document = addStatement(document, statement);
        if (document === before) continue;
        const id = `b${nextId++}`;
        ids.push(id);
        if (action.meta) meta[id] = action.meta;
      }
      return commitDocument(state, document, ids, collapseCrowd(meta, ids.slice(state.ids.length)), 'Add blocks', nextId);
    }
    case 'removeBlock': {
      const index = state.ids.indexOf(action.id);
      if (index < 0) return state;
      const document = removeStatement(state.document, index);
      const ids = state.ids.filter((id) => id !== action.id);
      return commitDocument(state, document, ids, withoutMeta(state.meta, action.id), 'Remove block');
    }
    case 'duplicateBlock': {
      const index = state.ids.indexOf(action.id);
      if (index < 0) return state;
      const document = duplicateStatement(state.document, index);
      if (document === state.document) return state;
      const id = `b${state.nextId}`;
      const ids = [...state.ids.slice(0, index + 1), id, ...state.ids.slice(index + 1)];
      const source = state.meta[action.id];
      const meta = source ? { ...state.meta, [id]: { ...source, collapsed: false } } : state.meta;
      return commitDocument(state, document, ids, meta, 'Duplicate block', state.nextId + 1);
    }
    case 'moveBlock': {
      const from = state.ids.indexOf(action.id);
      if (from < 0) return state;
      const document = moveStatement(state.document, from, action.to);
      if (document === state.document) return state;
      const ids = [...state.ids];
      ids.splice(from, 1);
      ids.splice(action.to, 0, action.id);
      return commitDocument(state, document, ids, state.meta, 'Move block');
    }
    case 'setMeta': {
      if (!state.ids.includes(action.id)) return state;
      const meta = { ...state.meta, [action.id]: { ...state.meta[action.id], ...action.meta } };
      if (action.undoable) return commitDocument(state, state.document, state.ids, meta, 'Edit block');
      return { ...state, meta };
    }
    case 'setAllCollapsed': {
      const meta: Record<string, BlockMeta> = { ...state.meta };
      for (const id of state.ids) meta[id] = { ...state.meta[id], collapsed: action.collapsed };
      return { ...state, meta };
    }
    case 'setText': {
      if (action.text === state.text) return state;
      const at = action.at ?? 0;
      const merge =
        state.lastChange?.label === JSON_EDIT && at > 0 && at - state.lastChange.at < TYPING_MERGE_MS && state.past.length > 0;
      const history = merge ? { past: state.past, future: [], lastChange: { label: JSON_EDIT, at } } : pushHistory(state, JSON_EDIT, at);
      const next = textState(action.text);
      if (next.parsed.model === null) return { ...state, ...history, ...next };
      const { ids, nextId, document } = reconcileStatements(state.document, state.ids, next.parsed.model.document, state.nextId);
      const kept = new Set(ids);
      const known = new Set(state.ids);
      const meta = Object.keys(state.meta).every((id) => kept.has(id))
        ? state.meta
        : Object.fromEntries(Object.entries(state.meta).filter(([id]) => kept.has(id)));
      return {
        ...state,
        ...history,
        ...next,
        document,
        ids: sameList(ids, state.ids) ? state.ids : ids,
        meta: collapseCrowd(meta, ids.filter((id) => !known.has(id))),
        nextId,
      };
    }
    case 'replaceDocument': {
      const n = statementsOf(action.document).length;
      const ids: string[] = [];
      const meta: Record<string, BlockMeta> = {};
      let nextId = state.nextId;
      for (let i = 0; i < n; i++) {
        const id = `b${nextId++}`;
        ids.push(id);
        const m = action.meta?.[i];
        if (m) meta[id] = m;
      }
      if (action.text !== undefined) {
        const next = textState(action.text);
        if (next.parsed.model) {
          return {
            ...state,
            ...pushHistory(state, action.label),
            ...next,
            document: next.parsed.model.document,
            ids,
            meta: collapseCrowd(meta, ids),
            nextId,
            textRevision: state.textRevision + 1,
            origin: action.origin,
          };
        }
      }
      const replaced = commitDocument(state, action.document, ids, collapseCrowd(meta, ids), action.label, nextId);
      return replaced.origin === action.origin ? replaced : { ...replaced, origin: action.origin };
    }
    case 'loadText': {
      const next = textState(action.text);
      const document = next.parsed.model ? next.parsed.model.document : newPolicyDocument();
      const n = statementsOf(document).length;
      const ids = Array.from({ length: n }, (_, i) => `b${state.nextId + i}`);
      return {
        ...state,
        ...pushHistory(state, action.label),
        ...next,
        document,
        ids,
        meta: collapseCrowd({}, ids),
        origin: undefined,
        nextId: state.nextId + n,
        kind: action.kind ?? state.kind,
        textRevision: state.textRevision + 1,
      };
    }
    case 'setKind':
      return action.kind === state.kind ? state : { ...state, kind: action.kind };
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      return {
        ...state,
        ...previous,
        textValid: previous.parsed.model !== null,
        past: state.past.slice(0, -1),
        future: [snapshot(state), ...state.future],
        textRevision: state.textRevision + 1,
        lastChange: undefined,
      };
    }
    case 'redo': {
      const next = state.future[0];
      if (!next) return state;
      return {
        ...state,
        ...next,
        textValid: next.parsed.model !== null,
        past: [...state.past, snapshot(state)],
        future: state.future.slice(1),
        textRevision: state.textRevision + 1,
        lastChange: undefined,
      };
    }
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
