import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicySetInfo } from '../../api/contract';
import type { LoadedCatalogView } from '../../catalog/load';
import { loadCatalogFromDisk } from '../../catalog/node';
import { actionsAllowed } from '../../policy/expand';
import type { JsonObject, JsonValue } from '../../policy/model';
import { buildModel } from '../../policy/parse';
import { removeRetiredActions } from '../../policy/retired';
import { planExclusion } from '../import/excludePlan';
import {
  draftReference,
  originOf,
  planSetUpdate,
  readReference,
  referenceTags,
  referenceTarget,
  stepsToRun,
  unionDocument,
  updateOutcome,
} from './policySetUpdate';

let view: LoadedCatalogView;
let readOnly: JsonValue;

beforeAll(async () => {
  const loader = await loadCatalogFromDisk();
  view = loader.view;
  const policy = await loader.managedPolicy('ReadOnlyAccess');
  if (!policy) throw new Error('ReadOnlyAccess is not in the catalog');
  readOnly = policy.document as JsonValue;
}, 60_000);

const doc = (action: string): JsonObject => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
});
const arn = (name: string) => `arn:aws:iam::123456789012:policy/${name}`;

describe('the reference a set records', () => {
  it('round-trips through tags (space-separated services: IAM tag values allow no commas)', () => {
    const reference = {
      policyName: 'ReadOnlyAccess',
      version: 'v188',
      excluded: ['ec2', 's3'],
      retiredRemoved: true,
    };
    const tags = referenceTags(reference);
    expect(tags).toEqual([
      { key: 'iam-workbench:source', value: 'ReadOnlyAccess@v188' },
      { key: 'iam-workbench:excluded', value: 'ec2 s3' },
      { key: 'iam-workbench:retired', value: 'removed' },
    ]);
    expect(readReference(tags)).toEqual(reference);
    expect(referenceTags(undefined)).toEqual([]);
    expect(readReference([{ key: 'iam-workbench:set', value: 'X' }])).toBeUndefined();
  });

  it('is worked out from a draft imported from ReadOnlyAccess, with S3 excluded and retired services removed', () => {
    let draft = planExclusion(readOnly, 's3', view, 'expand').document;
    draft = removeRetiredActions(draft, view).document;
    const source = { policyName: 'ReadOnlyAccess', version: 'v188' };
    const reference = draftReference(
      draft,
      [source, undefined, source],
      { name: 'ReadOnlyAccess', document: readOnly },
      view,
    );
    expect(reference).toEqual({
      policyName: 'ReadOnlyAccess',
      version: 'v188',
      excluded: ['s3'],
      retiredRemoved: true,
    });
    // Blocks from two policies, or none: no single reference.
    expect(
      draftReference(
        draft,
        [source, { policyName: 'ViewOnlyAccess', version: 'v1' }],
        { name: 'ReadOnlyAccess', document: readOnly },
        view,
      ),
    ).toBeUndefined();
    expect(
      draftReference(draft, [undefined], { name: 'ReadOnlyAccess', document: readOnly }, view),
    ).toBeUndefined();
  });

  it('applies the same exclusions to a newer reference: S3 gone, everything else as allowed', () => {
    const target = referenceTarget(readOnly, { excluded: ['s3'], retiredRemoved: true }, view);
    expect(target.error).toBeUndefined();
    const allowed = actionsAllowed(buildModel(target.document), view);
    const before = actionsAllowed(buildModel(readOnly), view);
    expect([...allowed].some((a) => a.startsWith('s3:'))).toBe(false);
    expect([...before].filter((a) => !a.startsWith('s3:')).every((a) => allowed.has(a))).toBe(true);
  });
});

describe('a set in the account', () => {
  const set: PolicySetInfo = {
    name: 'Cloudcraft',
    parts: [
      {
        policy: {
          name: 'Cloudcraft-2',
          arn: arn('Cloudcraft-2'),
          path: '/',
          id: '2',
          defaultVersionId: 'v3',
          attachmentCount: 1,
          isAttachable: true,
        },
        tags: [
          { key: 'iam-workbench:set', value: 'Cloudcraft' },
          { key: 'iam-workbench:part', value: '2/2' },
        ],
        attachedTo: [{ kind: 'role', name: 'cloudcraft' }],
      },
      {
        policy: {
          name: 'Cloudcraft',
          arn: arn('Cloudcraft'),
          path: '/',
          id: '1',
          defaultVersionId: 'v1',
          attachmentCount: 2,
          isAttachable: true,
          description: 'Custom policy for Cloudcraft.',
        },
        tags: [
          { key: 'iam-workbench:set', value: 'Cloudcraft' },
          { key: 'iam-workbench:part', value: '1/2' },
          { key: 'iam-workbench:source', value: 'ReadOnlyAccess@v188' },
          { key: 'iam-workbench:excluded', value: 's3' },
        ],
        attachedTo: [
          { kind: 'role', name: 'cloudcraft' },
          { kind: 'user', name: 'alice' },
        ],
      },
    ],
  };

  it('opens as one draft that remembers its parts in part order, its targets and its reference', () => {
    expect(originOf(set)).toEqual({
      kind: 'policySet',
      name: 'Cloudcraft',
      description: 'Custom policy for Cloudcraft.',
      parts: [
        { name: 'Cloudcraft', arn: arn('Cloudcraft'), versionId: 'v1' },
        { name: 'Cloudcraft-2', arn: arn('Cloudcraft-2'), versionId: 'v3' },
      ],
      attachedTo: [
        { kind: 'role', name: 'cloudcraft' },
        { kind: 'user', name: 'alice' },
      ],
      reference: { policyName: 'ReadOnlyAccess', version: 'v188' },
      excluded: ['s3'],
      retiredRemoved: false,
    });
    expect(unionDocument([doc('ec2:Describe*'), doc('iam:Get*')]).Statement).toHaveLength(2);
  });

  it('is updated by a new version of each kept part, new parts created, surplus parts deleted', () => {
    const origin = originOf(set);
    expect(planSetUpdate(origin, [doc('a:A'), doc('b:B')]).map((s) => `${s.kind} ${s.name}`)).toEqual([
      'version Cloudcraft',
      'version Cloudcraft-2',
    ]);
    expect(
      planSetUpdate(origin, [doc('a:A'), doc('b:B'), doc('c:C')]).map((s) => `${s.kind} ${s.name}`),
    ).toEqual(['version Cloudcraft', 'version Cloudcraft-2', 'create Cloudcraft-3']);
    expect(planSetUpdate(origin, [doc('a:A')]).map((s) => `${s.kind} ${s.name}`)).toEqual([
      'version Cloudcraft',
      'delete Cloudcraft-2',
    ]);
  });

  it('retries only the steps that are not done', () => {
    const states = [
      { status: 'done', note: 'v2 is the default' },
      { status: 'failed', error: { code: 'Throttling', message: 'Rate exceeded' } },
      { status: 'waiting' },
    ] as const;
    expect(stepsToRun(states)).toEqual([1, 2]);
    expect(updateOutcome(states)).toEqual({ done: 1, failed: 1, steps: 3 });
  });
});
