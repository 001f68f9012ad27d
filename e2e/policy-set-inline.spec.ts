/**
 * The inline alternative in a set's review: when the parts together fit a role's inline policies
 * (10,240 characters), the set can be put as inline policies of the role instead of managed ones.
 */
import { api } from './fixtures/api';
import { expect, test } from './fixtures/test';
import { EditorPage } from './pages/EditorPage';

test('a set that fits the role is put as inline policies of the role, not created as managed ones', async ({
  page,
  openSandboxApp,
  sandboxApp,
}) => {
  test.setTimeout(360_000);
  // Five statements with their own action and 40 buckets each (about 8,000 characters): no
  // compaction brings them under 6,144, and together they fit a role's 10,240.
  const actions = ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging', 's3:GetObjectVersion', 's3:GetObjectAttributes'];
  const statements = actions.map((action, i) => ({
    Sid: `Read${i + 1}`,
    Effect: 'Allow',
    Action: action,
    Resource: Array.from({ length: 40 }, (_, j) => `arn:aws:s3:::reports-${i + 1}-${j + 1}-eu/*`),
  }));
  await EditorPage.seedDraft(page, { Version: '2012-10-17', Statement: statements });
  const stem = `Inline${Date.now().toString(36)}`;
  const role = `inline-set-${Date.now().toString(36)}`;
  await api(sandboxApp, 'createRole', { name: role, trust: { kind: 'services', services: ['ec2.amazonaws.com'] } });
  await openSandboxApp();

  const split = page.getByRole('region', { name: 'Over the size quota' }).getByRole('button', { name: /^Split into \d+ policies$/ });
  await expect(split).toBeVisible({ timeout: 150_000 });
  const parts = Number(/(\d+)/.exec((await split.textContent()) ?? '')?.[1]);
  await split.click();
  const splitDialog = page.getByRole('dialog', { name: /^Split into \d+ policies$/ });
  await expect(splitDialog.getByRole('status').filter({ hasText: 'allow exactly the same' })).toBeVisible({ timeout: 120_000 });
  await splitDialog.getByRole('button', { name: 'Create in the account…' }).click();
  const dialog = page.getByRole('dialog', { name: `Create ${parts} policies as one set` });
  await dialog.getByLabel('Set name').fill(stem);
  await dialog.getByLabel('Search users, groups and roles').fill(role);
  await dialog.getByRole('checkbox', { name: new RegExp(`^Role ${role} `) }).check();
  const inline = dialog.getByRole('checkbox', { name: /^Put as inline policies instead/ });
  await expect(inline).toHaveAccessibleName(new RegExp(`the inline policies of Role ${role} may total 10,240`));
  await inline.check();
  await dialog.getByRole('button', { name: `Put ${parts} inline policies` }).click();
  await expect(dialog.getByRole('status', { name: 'Set results' })).toContainText(`${parts} of ${parts} inline policies put.`);
  await expect(dialog.getByText(`Inline policy of Role ${role}`)).toHaveCount(parts);
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();

  // No managed policy was created, and the role has no managed policy attached.
  expect((await api(sandboxApp, 'listPolicies', { search: stem })).policies).toEqual([]);
  expect((await api(sandboxApp, 'listPrincipals', { kinds: ['role'], search: role })).principals[0]?.attachedPolicyCount).toBe(0);
});
