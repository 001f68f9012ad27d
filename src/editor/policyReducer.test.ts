import { describe, expect, it } from 'vitest';
import { CROWD, HISTORY_LIMIT, initialState, policyReducer, type EditorState, type PolicyAction } from './policyReducer';

const run = (state: EditorState, ...actions: PolicyAction[]) => actions.reduce(policyReducer, state);
const doc = (state: EditorState) => JSON.parse(state.text) as { Statement: Record<string, unknown>[] };

describe('policyReducer', () => {
  it('starts with one empty Allow block, like the console', () => {
    const s = initialState();
    expect(s.ids).toHaveLength(1);
    expect(JSON.parse(s.text)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [], Resource: [] }] });
    expect(s.text).toContain('\n    "Version"');
  });

  it('visual edits change the document and re-serialize the text', () => {
    const s0 = initialState();
    const id = s0.ids[0] as string;
    const s1 = run(s0, { type: 'setField', id, key: 'Action', value: ['s3:GetObject'] });
    expect(doc(s1).Statement[0]?.Action).toEqual(['s3:GetObject']);
    expect(s1.textRevision).toBe(s0.textRevision + 1);
    expect(s1.past).toHaveLength(1);
  });

  it('adds, duplicates, moves and removes blocks with stable ids', () => {
    let s = initialState();
    const first = s.ids[0] as string;
    s = run(s, { type: 'setField', id: first, key: 'Sid', value: 'One' });
    s = run(s, { type: 'addBlock', statement: { Sid: 'Two', Effect: 'Deny', Action: 'ec2:*', Resource: '*' } });
    const second = s.ids[1] as string;
    s = run(s, { type: 'duplicateBlock', id: first });
    expect(doc(s).Statement.map((x) => x.Sid)).toEqual(['One', 'OneCopy', 'Two']);
    s = run(s, { type: 'moveBlock', id: second, to: 0 });
    expect(doc(s).Statement.map((x) => x.Sid)).toEqual(['Two', 'One', 'OneCopy']);
    expect(s.ids[0]).toBe(second);
    s = run(s, { type: 'removeBlock', id: first });
    expect(doc(s).Statement.map((x) => x.Sid)).toEqual(['Two', 'OneCopy']);
    expect(s.ids).not.toContain(first);
  });

  it('JSON text that parses updates the document; broken text is kept exactly and the document stays', () => {
    const s0 = initialState();
    const good = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}';
    const s1 = run(s0, { type: 'setText', text: good, at: 1000 });
    expect(s1.textValid).toBe(true);
    expect(s1.ids).toHaveLength(2);
    expect(s1.text).toBe(good);
    const broken = good.slice(0, -3);
    const s2 = run(s1, { type: 'setText', text: broken, at: 5000 });
    expect(s2.textValid).toBe(false);
    expect(s2.text).toBe(broken);
    expect(s2.document).toBe(s1.document);
  });

  it('refuses visual edits while the JSON does not parse, so typed text is never overwritten', () => {
    const s0 = initialState();
    const s1 = run(s0, { type: 'setText', text: '{ "Version": ', at: 1 });
    const s2 = run(s1, { type: 'addBlock' }, { type: 'setField', id: s0.ids[0] as string, key: 'Sid', value: 'X' });
    expect(s2).toBe(s1);
  });

  it('undo and redo cross visual and JSON edits', () => {
    const s0 = initialState();
    const id = s0.ids[0] as string;
    const s1 = run(s0, { type: 'setField', id, key: 'Action', value: ['iam:ListUsers'] });
    const s2 = run(s1, { type: 'setText', text: s1.text.replace('iam:ListUsers', 'iam:ListRoles'), at: 10_000 });
    const u1 = run(s2, { type: 'undo' });
    expect(u1.text).toBe(s1.text);
    const u2 = run(u1, { type: 'undo' });
    expect(u2.text).toBe(s0.text);
    expect(run(u2, { type: 'undo' })).toBe(u2);
    const r = run(u2, { type: 'redo' }, { type: 'redo' });
    expect(r.text).toBe(s2.text);
    expect(run(r, { type: 'redo' })).toBe(r);
  });

  it('merges a burst of typing into one undo step', () => {
    const s0 = initialState();
    const s = run(
      s0,
      { type: 'setText', text: s0.text + ' ', at: 1000 },
      { type: 'setText', text: s0.text + '  ', at: 1200 },
      { type: 'setText', text: s0.text + '   ', at: 1400 },
    );
    expect(s.past).toHaveLength(1);
    expect(run(s, { type: 'undo' }).text).toBe(s0.text);
  });

  it('bounds the undo history', () => {
    let s = initialState();
    const id = s.ids[0] as string;
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) s = run(s, { type: 'setField', id, key: 'Sid', value: `S${i}` });
    expect(s.past).toHaveLength(HISTORY_LIMIT);
  });

  it('replaces the document with new ids and per-block meta', () => {
    const s = run(initialState(), {
      type: 'replaceDocument',
      label: 'Import',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      meta: [{ source: { policyName: 'AdministratorAccess', version: 'v1' } }],
    });
    expect(s.ids).toHaveLength(1);
    expect(s.meta[s.ids[0] as string]?.source?.policyName).toBe('AdministratorAccess');
  });

  it('keeps unknown keys through visual edits', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","X-Team":"data"}]}';
    const s1 = run(initialState(), { type: 'setText', text, at: 1 });
    const s2 = run(s1, { type: 'setField', id: s1.ids[0] as string, key: 'Action', value: ['s3:GetObject', 's3:PutObject'] });
    expect(Object.keys(doc(s2).Statement[0] ?? {})).toEqual(['Effect', 'Action', 'Resource', 'X-Team']);
  });

  it('loads a shared draft exactly as typed, with fresh ids, its kind and one undo step', () => {
    const start = run(initialState(), { type: 'setMeta', id: 'b1', meta: { collapsed: true } });
    const text = '{ "Version": "2012-10-17",\n  "Statement": [ {"Effect":"Deny","Action":"*","Resource":"*"} ] }';
    const s = run(start, { type: 'loadText', text, label: 'Open shared policy', kind: 'inline-role' });
    expect(s.text).toBe(text);
    expect(s.textValid).toBe(true);
    expect(s.kind).toBe('inline-role');
    expect(s.ids).toHaveLength(1);
    expect(s.ids[0]).not.toBe('b1');
    expect(s.meta).toEqual({});
    expect(s.textRevision).toBe(start.textRevision + 1);
    const back = run(s, { type: 'undo' });
    expect(back.text).toBe(start.text);
    expect(back.meta).toEqual(start.meta);
    const broken = run(start, { type: 'loadText', text: '{"Version": ', label: 'Open shared policy' });
    expect(broken.text).toBe('{"Version": ');
    expect(broken.textValid).toBe(false);
  });
});

describe('blocks keep their identity through JSON edits', () => {
  const A = { Sid: 'A', Effect: 'Allow', Action: 'ecs:List*', Resource: '*' };
  const B = { Sid: 'B', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
  const C = { Sid: 'C', Effect: 'Deny', Action: 'iam:*', Resource: '*' };
  const text = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
  const start = () => {
    let s = initialState({ Version: '2012-10-17', Statement: [A, B, C] });
    const [a, b] = s.ids as [string, string, string];
    s = run(s, { type: 'setMeta', id: a, meta: { source: { policyName: 'AmazonECS_FullAccess', version: 'v3' } } });
    s = run(s, { type: 'setMeta', id: b, meta: { collapsed: true } });
    return s;
  };
  const sidsById = (s: EditorState) =>
    Object.fromEntries(s.ids.map((id, i) => [id, (doc(s).Statement[i] as { Sid?: string } | undefined)?.Sid]));

  it('a statement inserted above takes a new block; the others keep theirs and their notes', () => {
    const s0 = start();
    const s1 = run(s0, { type: 'setText', text: text({ Sid: 'New', Effect: 'Allow', Action: 'sns:*', Resource: '*' }, A, B, C) });
    expect(s1.ids.slice(1)).toEqual(s0.ids);
    expect(s0.ids).not.toContain(s1.ids[0]);
    expect(s1.meta[s0.ids[0] as string]?.source?.policyName).toBe('AmazonECS_FullAccess');
    expect(s1.meta[s1.ids[0] as string]).toBeUndefined();
  });

  it('reordered statements carry their blocks; an edited one keeps its block', () => {
    const s0 = start();
    const s1 = run(s0, { type: 'setText', text: text(C, A, B) });
    expect(sidsById(s1)).toEqual(sidsById(s0));
    const s2 = run(s1, { type: 'setText', text: text(C, { ...A, Sid: 'A2' }, B) });
    expect(s2.ids).toEqual(s1.ids);
    expect(s2.meta[s0.ids[0] as string]?.source?.policyName).toBe('AmazonECS_FullAccess');
  });

  it('deleting a statement drops only its block and note', () => {
    const s0 = start();
    const s1 = run(s0, { type: 'setText', text: text(B, C) });
    expect(s1.ids).toEqual(s0.ids.slice(1));
    expect(s1.meta[s0.ids[0] as string]).toBeUndefined();
    expect(s1.meta[s0.ids[1] as string]?.collapsed).toBe(true);
  });

  it('non-object entries have ids of their own, so edits reach the right statement', () => {
    let s = initialState();
    s = run(s, { type: 'setText', text: text(1, A) });
    expect(s.ids).toHaveLength(2);
    const blockA = s.ids[1] as string;
    s = run(s, { type: 'setField', id: blockA, key: 'Sid', value: 'Renamed' });
    expect(doc(s).Statement).toEqual([1, { ...A, Sid: 'Renamed' }]);
  });

  it('unchanged statements keep their objects, so unchanged blocks need not render again', () => {
    const s0 = start();
    const before = (s0.document as { Statement: object[] }).Statement;
    const s1 = run(s0, { type: 'setText', text: text({ ...A, Sid: 'A2' }, B, C) });
    const after = (s1.document as { Statement: object[] }).Statement;
    expect(after[1]).toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    expect(after[0]).not.toBe(before[0]);
  });

  it('keeps pasted, opened or imported text byte for byte, and parses each text once', () => {
    const given = '{"Version":"2012-10-17",\n  "Statement": [ {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"} ]}';
    const s = run(initialState(), {
      type: 'replaceDocument',
      document: JSON.parse(given) as never,
      text: given,
      label: 'Import',
    });
    expect(s.text).toBe(given);
    expect(s.parsed.model?.document).toEqual(JSON.parse(given));
    const undone = run(s, { type: 'undo' });
    expect(undone.parsed.model).not.toBeNull();
    expect(undone.textValid).toBe(true);
  });
});

describe('collapse all', () => {
  it('collapses and expands every block without an undo step', () => {
    let s = initialState({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }] });
    s = run(s, { type: 'setAllCollapsed', collapsed: true });
    expect(s.ids.map((id) => s.meta[id]?.collapsed)).toEqual([true, true]);
    expect(s.past).toHaveLength(0);
    s = run(s, { type: 'setAllCollapsed', collapsed: false });
    expect(s.ids.map((id) => s.meta[id]?.collapsed)).toEqual([false, false]);
  });
});

describe('many blocks', () => {
  it('a block added with collapseOthers collapses the others and stays open itself; undo restores them', () => {
    let s = initialState();
    s = run(s, { type: 'addBlock' }, { type: 'addBlock' });
    expect(Object.values(s.meta).some((m) => m.collapsed)).toBe(false);
    const before = s;
    s = run(s, { type: 'addBlock', meta: { service: 'ecs' }, collapseOthers: true });
    const added = s.ids[3] as string;
    expect(s.ids.slice(0, 3).map((id) => s.meta[id]?.collapsed)).toEqual([true, true, true]);
    expect(s.meta[added]).toEqual({ service: 'ecs' });
    s = run(s, { type: 'undo' });
    expect(s.meta).toEqual(before.meta);
  });

  it('splitBlock replaces a block by several statements in its place, the first keeping its id, in one undo step', () => {
    let s = initialState();
    const first = s.ids[0] as string;
    s = run(s, { type: 'addBlock', statement: { Sid: 'Last', Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' } });
    s = run(s, { type: 'setMeta', id: first, meta: { source: { policyName: 'P' }, service: 's3' } });
    const before = s.text;
    s = run(s, {
      type: 'splitBlock',
      id: first,
      statements: [
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' },
        { Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: '*' },
      ],
      label: 'Split into per-service blocks',
    });
    expect(doc(s).Statement.map((x) => x.Action)).toEqual([['s3:GetObject'], ['ec2:DescribeInstances'], 'sts:GetCallerIdentity']);
    expect(s.ids[0]).toBe(first);
    expect(new Set(s.ids).size).toBe(3);
    expect(s.meta[s.ids[1] as string]).toEqual({ source: { policyName: 'P' }, collapsed: false });
    expect(s.meta[first]?.service).toBeUndefined();
    s = run(s, { type: 'undo' });
    expect(s.text).toBe(before);
  });

  it('more than CROWD blocks arriving at once (paste, import, append) start collapsed but the first', () => {
    const statements = Array.from({ length: CROWD + 4 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] }));
    const collapsed = (st: EditorState) => st.ids.map((id) => st.meta[id]?.collapsed ?? false);
    const pasted = run(initialState(), { type: 'setText', text: JSON.stringify({ Version: '2012-10-17', Statement: statements }) });
    // the first statement keeps block 1 (an edited statement keeps its block); the new ones but the first collapse
    expect(collapsed(pasted)).toEqual([false, false, ...Array<boolean>(CROWD + 2).fill(true)]);
    const replaced = run(initialState(), { type: 'replaceDocument', document: { Version: '2012-10-17', Statement: statements }, label: 'Import' });
    expect(collapsed(replaced)).toEqual([false, ...Array<boolean>(CROWD + 3).fill(true)]);
    const appended = run(initialState(), { type: 'appendBlocks', statements });
    expect(collapsed(appended)).toEqual([false, false, ...Array<boolean>(CROWD + 3).fill(true)]);
    // a few at once stay open
    const few = run(initialState(), { type: 'appendBlocks', statements: statements.slice(0, CROWD) });
    expect(collapsed(few).every((c) => !c)).toBe(true);
  });
});
