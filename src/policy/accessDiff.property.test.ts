/**
 * Property tests of accessDiff over random policies on the test catalog: a document has no access
 * difference with itself, with any reformatting (serialization, normalisation, statement and value
 * order, case of actions and condition keys, single value versus list), with its compaction and
 * with its split parts put back together; adding an Allow statement never removes access and
 * adding a Deny statement never adds any. And against the evaluator (src/policy/evaluate): when
 * the new document allows a request the old one does not, the diff says new access; when the old
 * one allows a request the new one does not, it lists something removed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessDiff } from './accessDiff';
import type { AccessDiff } from './accessDiff';
import { compactPolicy, documentSize } from './compact';
import { evaluate } from './evaluate';
import type { EvaluationRequest } from './evaluate';
import { statementObjects } from './grants';
import { isJsonObject } from './json';
import type { JsonObject, JsonValue } from './model';
import { normalizeDocument } from './normalize';
import { parse } from './parse';
import { serializeDocument } from './serialize';
import { splitPolicy } from './split';
import { fakeCatalog } from './testing/fakeCatalog';

const RUNS = 300;

const actionArb = fc.constantFrom(
  '*',
  's3:GetObject',
  's3:PutObject',
  's3:Get*',
  's3:*Object*',
  's3:*',
  'iam:Pass*',
  'iam:*Role',
  'iam:GetUser',
  'ec2:Describe?nstances',
  'ec2:*',
  'sts:AssumeRole',
  'sts:*',
  'foo:Bar',
  'foo:*',
  'legacy:Get*',
);
const resourceArb = fc.constantFrom(
  '*',
  'arn:aws:s3:::b',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/a?c',
  'arn:aws:s3:::b/logs/*',
  'arn:aws:s3:::B/*',
  'arn:aws:s3:::home/${aws:username}/*',
  'arn:aws:iam::*:role/app-*',
);
const conditionArb = fc.constantFrom<JsonObject | undefined>(
  undefined,
  undefined,
  { Bool: { 'aws:SecureTransport': 'true' } },
  { Bool: { 'aws:SecureTransport': true } },
  { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } },
  { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
  {
    StringLike: { 's3:prefix': ['home/*', 'public/*'] },
    Bool: { 'aws:MultiFactorAuthPresent': 'true' },
  },
  { StringNotEquals: { 'aws:PrincipalTag/team': 'ops' } },
);
const listOf = (arb: fc.Arbitrary<string>) =>
  fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: 4 })) as fc.Arbitrary<JsonValue>;

const statementArb: fc.Arbitrary<JsonObject> = fc
  .record({
    sid: fc.option(fc.constantFrom('A', 'B', 'Reads'), { nil: undefined }),
    effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
    notAction: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    actions: listOf(actionArb),
    notResource: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    resources: listOf(resourceArb),
    condition: conditionArb,
  })
  .map((s) => {
    const statement: Record<string, JsonValue> = {};
    if (s.sid !== undefined) statement.Sid = s.sid;
    statement.Effect = s.effect;
    statement[s.notAction ? 'NotAction' : 'Action'] = s.actions;
    statement[s.notResource ? 'NotResource' : 'Resource'] = s.resources;
    if (s.condition) statement.Condition = s.condition;
    return statement;
  });

const documentArb: fc.Arbitrary<JsonObject> = fc
  .array(statementArb, { minLength: 1, maxLength: 5 })
  .map((statements) => ({ Version: '2012-10-17', Statement: statements }));

const allowArb = statementArb.map((s) => ({ ...s, Effect: 'Allow' }));
const denyArb = statementArb.map((s) => ({ ...s, Effect: 'Deny' }));

function diff(a: JsonValue, b: JsonValue): AccessDiff {
  return accessDiff(a, b, fakeCatalog);
}

function expectSame(a: JsonValue, b: JsonValue): void {
  const result = diff(a, b);
  expect({ added: result.added, uncertain: result.uncertain, removed: result.removed }).toEqual({
    added: [],
    uncertain: [],
    removed: [],
  });
  expect(result.newAccess).toBe(false);
}

// ---------------------------------------------------------------------------------------------
// Reformatting

type Rewrite = (document: JsonObject, random: () => number) => JsonValue;

function mapStatements(document: JsonObject, f: (statement: JsonObject) => JsonObject): JsonObject {
  return { ...document, Statement: statementObjects(document).map(f) };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function flipCase(text: string, random: () => number): string {
  return [...text].map((c) => (random() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');
}

const rewrites: Record<string, Rewrite> = {
  pretty: (d) => parse(serializeDocument(d, { format: 'pretty' })).model?.document ?? null,
  minified: (d) => parse(serializeDocument(d, { format: 'minified' })).model?.document ?? null,
  normalized: (d) => normalizeDocument(d, { sortActions: true, dedupe: true, arrayForm: true }),
  statementOrder: (d, random) => ({ ...d, Statement: shuffled(statementObjects(d), random) }),
  valueOrder: (d, random) =>
    mapStatements(d, (s) => {
      const out: Record<string, JsonValue> = {};
      for (const key of shuffled(Object.keys(s), random)) {
        const value = s[key] as JsonValue;
        out[key] = Array.isArray(value) ? shuffled(value, random) : value;
      }
      return out;
    }),
  actionCase: (d, random) =>
    mapStatements(d, (s) => {
      const out: Record<string, JsonValue> = { ...s };
      for (const key of ['Action', 'NotAction']) {
        const value = s[key];
        if (typeof value === 'string') out[key] = flipCase(value, random);
        else if (Array.isArray(value))
          out[key] = value.map((v) => (typeof v === 'string' ? flipCase(v, random) : v));
      }
      return out;
    }),
  conditionForm: (d, random) =>
    mapStatements(d, (s) => {
      const condition = s.Condition;
      if (!isJsonObject(condition)) return s;
      const out: Record<string, JsonValue> = {};
      for (const operator of shuffled(Object.keys(condition), random)) {
        const block = condition[operator];
        if (!isJsonObject(block)) {
          out[operator] = block ?? null;
          continue;
        }
        const keys: Record<string, JsonValue> = {};
        for (const key of Object.keys(block)) {
          const value = block[key] as JsonValue;
          const list = Array.isArray(value) ? [...value] : [value];
          const reordered = shuffled([...list, ...list.slice(0, 1)], random);
          keys[flipCase(key, random)] = reordered.length === 1 ? (reordered[0] as JsonValue) : reordered;
        }
        out[operator] = keys;
      }
      return { ...s, Condition: out };
    }),
  singleForm: (d) =>
    mapStatements(d, (s) => {
      const out: Record<string, JsonValue> = { ...s };
      for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
        const value = s[key];
        if (typeof value === 'string') out[key] = [value];
        else if (Array.isArray(value) && value.length === 1) out[key] = value[0] as JsonValue;
      }
      return out;
    }),
  singleStatement: (d) => {
    const statements = statementObjects(d);
    return statements.length === 1 ? { ...d, Statement: statements[0] as JsonObject } : d;
  },
};

describe('accessDiff properties', () => {
  it('a document has no difference with itself', () => {
    fc.assert(
      fc.property(documentArb, (document) => expectSame(document, document)),
      { numRuns: RUNS },
    );
  });

  it('a reformatted document has no difference with the original', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.subarray(Object.keys(rewrites), { minLength: 1 }),
        fc.integer(),
        (document, chosen, seed) => {
          let state = seed >>> 0;
          const random = () => {
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            return state / 4294967296;
          };
          let rewritten: JsonValue = document;
          for (const name of chosen) {
            if (!isJsonObject(rewritten)) break;
            rewritten = (rewrites[name] as Rewrite)(rewritten, random);
          }
          expectSame(document, rewritten);
          expectSame(rewritten, document);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('compaction changes no access', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.boolean(),
        fc.constantFrom('any' as const, 'words' as const),
        (document, mergeStatements, wildcards) => {
          const compacted = compactPolicy(document, fakeCatalog, { mergeStatements, wildcards }).document;
          expectSame(document, compacted);
          expectSame(compacted, document);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('split parts put together change no access', () => {
    fc.assert(
      fc.property(
        fc.array(statementArb, { minLength: 2, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (statements, denyInEveryPart, compact) => {
          const document: JsonObject = { Version: '2012-10-17', Statement: statements };
          const largest = Math.max(...statements.map((s) => documentSize(s)));
          const quota = Math.max(largest + 80, Math.ceil(documentSize(document) / 3));
          const result = splitPolicy(document, fakeCatalog, { quota, denyInEveryPart, compact });
          fc.pre(result.ok);
          if (!result.ok) return;
          const union: JsonObject = {
            Version: '2012-10-17',
            Statement: result.documents.flatMap(statementObjects),
          };
          expectSame(document, union);
          expectSame(union, document);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('adding an Allow statement never removes access', () => {
    fc.assert(
      fc.property(documentArb, allowArb, (document, extra) => {
        const more = { ...document, Statement: [...statementObjects(document), extra] };
        expect(diff(document, more).removed).toEqual([]);
        // and taking it away never adds any
        const back = diff(more, document);
        expect(back.added).toEqual([]);
        expect(back.uncertain).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a Deny statement never adds access', () => {
    fc.assert(
      fc.property(documentArb, denyArb, (document, extra) => {
        const result = diff(document, { ...document, Statement: [...statementObjects(document), extra] });
        expect(result.added).toEqual([]);
        expect(result.uncertain).toEqual([]);
        expect(result.newAccess).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees with the evaluator: a request only the new document allows means new access', () => {
    const actionNames = [
      ...fakeCatalog.allActions.map((a) => `${a.service}:${a.name}`),
      'foo:Bar',
      'foo:Baz',
      'legacy:GetThing',
    ];
    const requestArb: fc.Arbitrary<EvaluationRequest> = fc.record({
      principal: fc
        .constantFrom('ana', 'bob')
        .map((user) => ({ arn: `arn:aws:iam::111122223333:user/${user}` })),
      action: fc.constantFrom(...actionNames),
      resource: fc.constantFrom(
        'arn:aws:s3:::b',
        'arn:aws:s3:::b/abc',
        'arn:aws:s3:::b/logs/x',
        'arn:aws:s3:::B/x',
        'arn:aws:s3:::home/ana/x',
        'arn:aws:s3:::home/bob/x',
        'arn:aws:s3:::other',
        'arn:aws:iam::111122223333:role/app-web',
        'arn:aws:iam::111122223333:role/admin',
      ),
      context: fc.constantFrom<Record<string, string>>(
        {},
        { 'aws:SecureTransport': 'true' },
        { 'aws:SecureTransport': 'false', 'aws:RequestedRegion': 'eu-west-1' },
        { 'aws:RequestedRegion': 'us-east-1', 'aws:PrincipalTag/team': 'ops' },
        {
          'aws:SecureTransport': 'true',
          'aws:MultiFactorAuthPresent': 'true',
          's3:prefix': 'home/x',
          'aws:RequestedRegion': 'eu-west-1',
          'aws:PrincipalTag/team': 'dev',
        },
      ),
    });
    // The new document: the old one with a statement added, removed or replaced, or another one.
    const pairArb = fc
      .tuple(
        documentArb,
        statementArb,
        fc.nat(),
        fc.constantFrom('add', 'remove', 'replace', 'other'),
        documentArb,
      )
      .map(([before, statement, at, change, other]): [JsonObject, JsonObject] => {
        const statements = statementObjects(before);
        const i = at % statements.length;
        if (change === 'other') return [before, other];
        const next =
          change === 'add'
            ? [...statements, statement]
            : change === 'remove'
              ? statements.filter((_, k) => k !== i)
              : statements.map((s, k) => (k === i ? statement : s));
        return [before, { ...before, Statement: next }];
      });
    const allowed = (document: JsonObject, request: EvaluationRequest) =>
      evaluate({ identityPolicies: [{ name: 'p', document }], request }).decision === 'allowed';
    fc.assert(
      fc.property(
        pairArb,
        fc.array(requestArb, { minLength: 10, maxLength: 30 }),
        ([before, after], requests) => {
          const result = diff(before, after);
          for (const request of requests) {
            const was = allowed(before, request);
            const is = allowed(after, request);
            if (is && !was) expect(result.newAccess, JSON.stringify(request)).toBe(true);
            if (was && !is) expect(result.removed.length, JSON.stringify(request)).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
