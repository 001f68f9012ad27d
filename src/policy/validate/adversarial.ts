/**
 * Adversarial policies for the validator: each document is at most 100 KB and built to defeat a
 * naive matcher (nested `*?` that make regular expressions backtrack, huge strings, thousands of
 * statements, long lists that make pairwise checks quadratic). Used by validate.adversarial.test.ts
 * and by bench/validate.ts; the validator must take each in well under 50 ms.
 */
import type { JsonObject } from '../model';

export interface AdversarialCase {
  readonly name: string;
  readonly document: JsonObject;
}

/** Documents stay under this many characters (minified). */
export const ADVERSARIAL_MAX_CHARS = 100_000;

const V = '2012-10-17';

function doc(statements: readonly JsonObject[]): JsonObject {
  return { Version: V, Statement: [...statements] };
}

function starQuestion(pairs: number): string {
  return '*?'.repeat(pairs);
}

/** Fills a string list until the document would pass `budget` characters. */
function fill(make: (i: number) => string, budget: number): string[] {
  const items: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const item = make(i);
    size += item.length + 3;
    if (size > budget) return items;
    items.push(item);
  }
}

const BUDGET = 95_000;

export function adversarialCases(): AdversarialCase[] {
  const cases: AdversarialCase[] = [
    {
      name: 'action s3:*?*?…_ (40,000 pairs)',
      document: doc([{ Effect: 'Allow', Action: `s3:${starQuestion(40_000)}_`, Resource: '*' }]),
    },
    {
      name: 'action *?*?…:*?*?… (service wildcard)',
      document: doc([
        { Effect: 'Allow', Action: `${starQuestion(20_000)}:${starQuestion(20_000)}x`, Resource: '*' },
      ]),
    },
    {
      name: 'resource with 40,000 *? pairs (s3:GetObject)',
      document: doc([
        { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${starQuestion(40_000)}_` },
      ]),
    },
    {
      name: 'resource of 95,000 characters',
      document: doc([
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: `arn:aws:s3:::${'a'.repeat(BUDGET)}`,
        },
      ]),
    },
    {
      name: 'resource with 45,000 unclosed "${"',
      document: doc([
        { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b/${'${'.repeat(45_000)}` },
      ]),
    },
    {
      name: 'iam:PassRole on a resource with 40,000 *? pairs',
      document: doc([
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::*:role/${starQuestion(40_000)}` },
      ]),
    },
    {
      name: 'condition values with nested *? (StringLike and StringEquals)',
      document: doc([
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: {
            StringLike: { 's3:prefix': `${starQuestion(20_000)}_` },
            StringEquals: { 'aws:PrincipalTag/team': `${starQuestion(20_000)}_` },
          },
        },
      ]),
    },
    {
      name: 'thousands of statements',
      document: doc(
        Array.from({ length: 1_000 }, (_, i) => ({
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*'],
          Resource: `arn:aws:s3:::bucket-${i}/*`,
        })),
      ),
    },
    {
      name: 'thousands of identical statements (redundancy)',
      document: doc(
        Array.from({ length: 1_400 }, () => ({
          Effect: 'Allow',
          Action: 's3:Get*',
          Resource: 'arn:aws:s3:::b/*',
        })),
      ),
    },
    {
      name: 'thousands of wildcard actions in one statement',
      document: doc([
        { Effect: 'Allow', Action: fill((i) => `ec2:*${(i % 997).toString(36)}*`, BUDGET), Resource: '*' },
      ]),
    },
    {
      name: 'thousands of wildcard NotAction items',
      document: doc([
        { Effect: 'Allow', NotAction: fill((i) => `s3:*?*?${i.toString(36)}`, BUDGET), Resource: '*' },
      ]),
    },
    {
      name: 'thousands of wildcard resources in one statement (redundancy)',
      document: doc([
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: fill((i) => `arn:aws:s3:::b/*${i.toString(36)}*?`, BUDGET),
        },
      ]),
    },
    {
      name: 'Action "*" with thousands of resources of many services',
      document: doc([
        {
          Effect: 'Allow',
          Action: '*',
          Resource: fill(
            (i) =>
              [
                'arn:aws:ec2:*:*:instance/*',
                'arn:aws:s3:::b/*',
                'arn:aws:lambda:*:*:function:f',
                'arn:aws:iam::*:role/r',
              ][i % 4] + `${i}*`,
            BUDGET,
          ),
        },
      ]),
    },
    {
      name: 'iam:PassRole with thousands of wildcard resources',
      document: doc([
        {
          Effect: 'Allow',
          Action: ['iam:PassRole', 'iam:CreateServiceLinkedRole'],
          Resource: fill((i) => `arn:aws:iam::*:role/*?${i.toString(36)}*?*`, BUDGET),
        },
      ]),
    },
    {
      name: 'thousands of distinct condition keys and values',
      document: doc([
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: {
            StringLike: Object.fromEntries(
              fill((i) => `aws:PrincipalTag/k${i}`, BUDGET / 2).map((key) => [key, '*?*?*?*?x']),
            ),
          },
        },
      ]),
    },
  ];
  return cases;
}
