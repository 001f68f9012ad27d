/**
 * Property-based tests of parse and serialize: 10,000 texts in total (random JSON values, random
 * policy-shaped documents, and random mutations of valid policy text).
 *
 * For every text: parse does not throw. When JSON.parse accepts the text, parse's model is
 * non-null, there is no json-syntax finding, and serialize (pretty and minified) reads back
 * deep-equal to JSON.parse(text), key order included. When JSON.parse rejects it, the model is
 * null and there is at least one json-syntax finding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectFromEntries } from './json';
import type { JsonValue } from './model';
import { parse } from './parse';
import { serialize } from './serialize';

const RUNS = { json: 2500, policy: 2500, mutation: 5000 };

function checkText(text: string): void {
  const result = parse(text);
  let expected: unknown;
  let valid = true;
  try {
    expected = JSON.parse(text);
  } catch {
    valid = false;
  }
  const syntaxFindings = result.findings.filter((finding) => finding.code === 'json-syntax');
  if (!valid) {
    expect(result.model).toBeNull();
    expect(syntaxFindings.length).toBeGreaterThan(0);
    for (const finding of syntaxFindings) {
      expect(finding.range).toBeDefined();
      expect(finding.range!.offset).toBeLessThanOrEqual(text.length);
    }
    return;
  }
  expect(result.model).not.toBeNull();
  expect(syntaxFindings).toEqual([]);
  const model = result.model!;
  const expectedText = JSON.stringify(expected);
  for (const format of ['minified', 'pretty'] as const) {
    const written = serialize(model, { format });
    const readBack: unknown = JSON.parse(written);
    // Key order included: compare the canonical JSON text ...
    expect(JSON.stringify(readBack)).toBe(expectedText);
    // ... and the values themselves (-0, Infinity survive too).
    expect(readBack).toEqual(expected);
  }
  expect(result.locate('')).toMatchObject({ line: expect.any(Number) });
  for (const statement of model.statements) expect(result.locate(statement.pointer)).toBeDefined();
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const trickyString = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    ' ',
    '"',
    '\\',
    '/',
    '\n',
    '\t',
    '\u0000',
    '\u2028',
    '\ud800',
    '\udc00',
    '😀',
    'é',
    '~',
  ),
  maxLength: 8,
});

const formatting = fc.constantFrom<(value: unknown) => string>(
  (value) => JSON.stringify(value),
  (value) => JSON.stringify(value, null, 4),
  (value) => JSON.stringify(value, null, 2),
  (value) => JSON.stringify(value, null, '\t'),
  (value) => JSON.stringify(value, null, 4).replace(/\n/g, '\r\n'),
  (value) => `  \n${JSON.stringify(value, null, 1)}\n\n`,
);

const jsonText = fc
  .tuple(
    fc.oneof(
      fc.jsonValue(),
      fc.jsonValue({ stringUnit: 'binary' }),
      fc.jsonValue({ maxDepth: 2, stringUnit: 'grapheme' }),
      fc.dictionary(trickyString, fc.oneof(trickyString, fc.double(), fc.constant(-0))),
    ),
    formatting,
  )
  .map(([value, format]) => format(value));

const actionArb = fc.oneof(
  fc.constantFrom(
    '*',
    's3:GetObject',
    's3:*',
    'iam:Pass*',
    'ec2:Describe?nstances',
    'S3:getobject',
    'sts:AssumeRole',
  ),
  trickyString,
);
const stringOrArray = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.array(arb, { maxLength: 4 }));
const conditionValue = fc.oneof(
  stringOrArray(fc.oneof(trickyString, fc.boolean(), fc.integer())),
  fc.jsonValue({ maxDepth: 1 }),
);
const conditionArb = fc.dictionary(
  fc.constantFrom(
    'StringEquals',
    'StringLike',
    'ForAnyValue:StringLike',
    'Bool',
    'NumericLessThan',
    'IpAddress',
    'Null',
  ),
  fc.dictionary(
    fc.oneof(
      fc.constantFrom('aws:SourceIp', 'aws:PrincipalTag/team', 's3:prefix', '__proto__'),
      trickyString,
    ),
    conditionValue,
    {
      maxKeys: 3,
    },
  ),
  { maxKeys: 3 },
);
const principalArb = fc.oneof(
  fc.constant('*'),
  fc.record(
    { AWS: stringOrArray(fc.constantFrom('arn:aws:iam::123456789012:root', '*')) },
    { requiredKeys: [] },
  ),
);

/** A statement's members, each optional, plus unknown keys, in random order. */
const statementArb: fc.Arbitrary<JsonValue> = fc
  .tuple(
    fc.record(
      {
        Sid: fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{0,8}$/), trickyString),
        Effect: fc.constantFrom('Allow', 'Deny', 'allow', ''),
        Principal: principalArb,
        NotPrincipal: principalArb,
        Action: stringOrArray(actionArb),
        NotAction: stringOrArray(actionArb),
        Resource: stringOrArray(
          fc.constantFrom('*', 'arn:aws:s3:::bucket/*', 'arn:aws:iam::*:role/${aws:username}'),
        ),
        NotResource: stringOrArray(fc.constantFrom('*', 'arn:aws:s3:::bucket')),
        Condition: conditionArb,
      },
      { requiredKeys: [] },
    ),
    fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom('__proto__', 'constructor', 'effect', 'X-Custom', '0'), trickyString),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      {
        maxLength: 2,
      },
    ),
  )
  .chain(([known, unknown]) => {
    const entries = [...Object.entries(known), ...unknown] as [string, JsonValue][];
    return fc
      .shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })
      .map((shuffled) => objectFromEntries(shuffled) as JsonValue);
  });

const policyArb: fc.Arbitrary<JsonValue> = fc
  .record(
    {
      Version: fc.constantFrom('2012-10-17', '2008-10-17', ''),
      Id: trickyString,
      Statement: fc.oneof(
        statementArb,
        fc.array(
          fc.oneof(
            { weight: 9, arbitrary: statementArb },
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
          ),
          { maxLength: 4 },
        ),
      ),
    },
    { requiredKeys: [] },
  )
  .map((policy) => policy as JsonValue);

/** Policy text, sometimes with a duplicate (or case-duplicate) key injected at the top. */
const policyText = fc
  .tuple(
    policyArb,
    formatting,
    fc.constantFrom('', '"Version":"x",', '"version":"y",', '"Statement":[],', '"__proto__":1,'),
  )
  .map(([policy, format, injected]) => {
    const text = format(policy);
    const open = text.indexOf('{');
    return injected && open >= 0 && text.slice(open + 1).trim() !== '}'
      ? text.slice(0, open + 1) + injected + text.slice(open + 1)
      : text;
  });

const MUTATION_CHARS = [
  ...'{}[]":,\\ \n\t/*0123456789-+.eEtrufalsnx',
  '\u0000',
  '\ud800',
  '\uFEFF',
  '\u00a0',
  "'",
];

type Mutation = { kind: 'delete' | 'insert' | 'replace'; at: number; char: string };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'replace'),
  at: fc.nat(),
  char: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...MUTATION_CHARS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
});

function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const { kind, at, char } of mutations) {
    const index = result.length === 0 ? 0 : at % (result.length + (kind === 'insert' ? 1 : 0));
    if (kind === 'delete') result = result.slice(0, index) + result.slice(index + 1);
    else if (kind === 'insert') result = result.slice(0, index) + char + result.slice(index);
    else result = result.slice(0, index) + char + result.slice(index + 1);
  }
  return result;
}

const mutatedText = fc
  .tuple(policyText, fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([text, mutations]) => mutate(text, mutations));

// ---------------------------------------------------------------------------------------------

describe('parse / serialize properties', () => {
  it(`random JSON values (${RUNS.json} runs)`, () => {
    fc.assert(fc.property(jsonText, checkText), { numRuns: RUNS.json });
  });

  it(`random policy-shaped documents (${RUNS.policy} runs)`, () => {
    fc.assert(fc.property(policyText, checkText), { numRuns: RUNS.policy });
  });

  it(`mutations of valid policy text (${RUNS.mutation} runs), both valid and invalid results`, () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(mutatedText, (text) => {
        checkText(text);
        try {
          JSON.parse(text);
          valid++;
        } catch {
          invalid++;
        }
      }),
      { numRuns: RUNS.mutation },
    );
    // Both branches must be exercised substantially.
    expect(valid).toBeGreaterThan(RUNS.mutation / 20);
    expect(invalid).toBeGreaterThan(RUNS.mutation / 4);
  });

  it('a fixed sample of hand-picked edge cases', () => {
    const cases = [
      '',
      ' ',
      '{}',
      '[]',
      '""',
      '-0',
      '1e400',
      '-1e400',
      '0.1e-400',
      '{"__proto__":{"a":1}}',
      '{"a":1,"a":2,"A":3}',
      '{"1":1,"b":2,"0":3}',
      '"\\ud800"',
      '"\ud800"',
      '\uFEFF{}',
      '{"a":1,}',
      '[1,]',
      '{"a":"\u0000"}',
      '[1]]',
      '{"a":01}',
      '["\\u00e9\\uD83D\\uDE00"]',
      '\t\r\n{\r\n}\r\n',
    ];
    for (const text of cases) checkText(text);
  });
});
