/**
 * The server's side of the contract (src/api/contract.ts): a zod schema for every operation's
 * input, built from IAM's limits (src/policy/iamLimits.ts), so that bad input is refused before
 * any AWS call. The compiler holds each schema to the contract's input type.
 */
import { z } from 'zod';
import type { OperationInputs, OperationName } from '../api/contract';
import {
  DESCRIPTION_MAX,
  DOCUMENT_MAX,
  NAME_MAX,
  NAME_RE,
  PATH_MAX,
  PATH_RE,
  SERVICE_PRINCIPAL_RE,
  TAGS_MAX,
  TAG_KEY_MAX,
  TAG_KEY_RE,
  TAG_VALUE_MAX,
  TAG_VALUE_RE,
  SESSION_HOURS_MAX,
  SESSION_HOURS_MIN,
} from '../policy/iamLimits';
import { simulateCustomPolicySchema } from './simulation';

export * from '../api/contract';
export { NAME_RE, PATH_RE, SERVICE_PRINCIPAL_RE, TAG_KEY_RE, TAG_VALUE_RE };

const nameHelp = (max: number) => `use 1-${max} letters, digits and + = , . @ _ -`;
const entityName = (max: number) => z.string().min(1).max(max).regex(NAME_RE, nameHelp(max));

const policyName = entityName(NAME_MAX.policy);
const roleName = entityName(NAME_MAX.role);
const iamPath = z
  .string()
  .max(PATH_MAX)
  .regex(PATH_RE, 'a path is "/" or starts and ends with "/" (e.g. "/team/"), with printable ASCII between');
const description = z.string().max(DESCRIPTION_MAX);
const tags = z
  .array(
    z
      .object({
        key: z
          .string()
          .min(1)
          .max(TAG_KEY_MAX)
          .regex(TAG_KEY_RE, 'tag keys use letters, digits, spaces and _ . : / = + - @'),
        value: z
          .string()
          .max(TAG_VALUE_MAX)
          .regex(TAG_VALUE_RE, 'tag values use letters, digits, spaces and _ . : / = + - @'),
      })
      .strict(),
  )
  .max(TAGS_MAX)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((tag, index) => {
      const key = tag.key.toLowerCase();
      if (key.startsWith('aws:')) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: 'tag keys starting with "aws:" are reserved',
        });
      }
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: 'duplicate tag key (keys are case-insensitive)',
        });
      }
      seen.add(key);
    });
  });
const document = z.string().min(1).max(DOCUMENT_MAX);
const policyArn = z
  .string()
  .min(20)
  .max(2048)
  .regex(/^arn:aws(-[a-z]+)*:iam::(\d{12}|aws):policy\/[\x21-\x7E]+$/, 'expected a managed policy ARN');
const versionId = z.string().regex(/^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/, 'expected a version ID such as "v3"');
const cursor = z.string().max(200);
const limit = z.number().int().min(1).max(200);
const search = z.string().max(128);
const principalKind = z.enum(['user', 'group', 'role']);

export const operations = {
  session: { input: z.object({ refresh: z.boolean().optional() }).strict() },
  listPrincipals: {
    input: z
      .object({
        kinds: z.array(principalKind).min(1).max(3).optional(),
        search: search.optional(),
        cursor: cursor.optional(),
        limit: limit.optional(),
      })
      .strict(),
  },
  listPolicies: {
    input: z
      .object({
        search: search.optional(),
        onlyAttached: z.boolean().optional(),
        cursor: cursor.optional(),
        limit: limit.optional(),
      })
      .strict(),
  },
  getPolicyDocument: { input: z.object({ policyArn, versionId: versionId.optional() }).strict() },
  checkPolicyName: { input: z.object({ name: z.string().max(1024) }).strict() },
  createPolicy: {
    input: z
      .object({
        name: policyName,
        description: description.optional(),
        path: iamPath.optional(),
        tags: tags.optional(),
        document,
      })
      .strict(),
  },
  attachPolicy: {
    input: z
      .object({
        policyArn,
        targets: z
          .array(
            z.discriminatedUnion('kind', [
              z.object({ kind: z.literal('user'), name: entityName(NAME_MAX.user) }).strict(),
              z.object({ kind: z.literal('group'), name: entityName(NAME_MAX.group) }).strict(),
              z.object({ kind: z.literal('role'), name: entityName(NAME_MAX.role) }).strict(),
            ]),
          )
          .min(1)
          .max(50),
      })
      .strict(),
  },
  createRole: {
    input: z
      .object({
        name: roleName,
        description: description.optional(),
        path: iamPath.optional(),
        maxSessionDuration: z.number().int().min(SESSION_HOURS_MIN * 3600).max(SESSION_HOURS_MAX * 3600).optional(),
        tags: tags.optional(),
        trust: z.discriminatedUnion('kind', [
          z
            .object({
              kind: z.literal('services'),
              services: z
                .array(
                  z
                    .string()
                    .regex(
                      SERVICE_PRINCIPAL_RE,
                      'expected a service principal such as "lambda.amazonaws.com"',
                    ),
                )
                .min(1)
                .max(20),
            })
            .strict(),
          z.object({ kind: z.literal('custom'), document }).strict(),
        ]),
      })
      .strict(),
  },
  createPolicyVersion: {
    input: z.object({ policyArn, document, setAsDefault: z.boolean().optional() }).strict(),
  },
  deletePolicyVersion: { input: z.object({ policyArn, versionId }).strict() },
  listPolicyVersions: { input: z.object({ policyArn }).strict() },
  listPolicySets: { input: z.object({ search: search.optional() }).strict() },
  deletePolicy: { input: z.object({ policyArn, detach: z.boolean().optional() }).strict() },
  putInlinePolicy: {
    input: z
      .object({
        kind: principalKind,
        name: entityName(NAME_MAX.group),
        policyName,
        document,
      })
      .strict(),
  },
  tagPolicy: { input: z.object({ policyArn, tags: tags.refine((list) => list.length > 0, 'give at least one tag') }).strict() },
  simulateCustomPolicy: { input: simulateCustomPolicySchema },
} as const satisfies Record<OperationName, { input: z.ZodType }>;


/** Each schema accepts exactly its contract type: a mismatch fails to compile here. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchContract: { [K in OperationName]: Same<z.infer<(typeof operations)[K]['input']>, OperationInputs[K]> } = {
  session: true,
  listPrincipals: true,
  listPolicies: true,
  getPolicyDocument: true,
  checkPolicyName: true,
  createPolicy: true,
  attachPolicy: true,
  createRole: true,
  createPolicyVersion: true,
  deletePolicyVersion: true,
  listPolicyVersions: true,
  listPolicySets: true,
  deletePolicy: true,
  putInlinePolicy: true,
  tagPolicy: true,
  simulateCustomPolicy: true,
};
void schemasMatchContract;
