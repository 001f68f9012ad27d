/**
 * A policy set against the IAM sandbox: a draft over the quota (ReadOnlyAccess) is split and the
 * parts are named, created and attached to a role in one review, tagged so they can be found again.
 */
import { loadCatalogFromDisk } from '../src/catalog/node';
import { api } from './fixtures/api';
import { expect, test } from './fixtures/test';
import { EditorPage } from './pages/EditorPage';

test('Cloudcraft: ReadOnlyAccess split into a set, created and attached to one role in one review', async ({
  page,
  openSandboxApp,
  sandboxApp,
}) => {
  test.setTimeout(240_000);
  const loader = await loadCatalogFromDisk();
  const readOnly = await loader.managedPolicy('ReadOnlyAccess');
  if (!readOnly) throw new Error('ReadOnlyAccess is not in the catalog');
  const stem = `Cloudcraft${Date.now().toString(36)}`;
  const role = `cloudcraft-${Date.now().toString(36)}`;
  await api(sandboxApp, 'createRole', { name: role, trust: { kind: 'services', services: ['ec2.amazonaws.com'] } });

  await EditorPage.seedDraft(page, readOnly.document);
  await openSandboxApp();
  const quota = page.getByRole('region', { name: 'Over the size quota' });
  const split = quota.getByRole('button', { name: /^Split into \d+ policies$/ });
  await expect(split).toBeVisible({ timeout: 120_000 });
  const parts = Number(/(\d+)/.exec((await split.textContent()) ?? '')?.[1]);
  await split.click();
  const splitDialog = page.getByRole('dialog', { name: /^Split into \d+ policies$/ });
  await expect(splitDialog.getByRole('status').filter({ hasText: 'allow exactly the same' })).toBeVisible({ timeout: 60_000 });
  await splitDialog.getByRole('button', { name: 'Create in the account…' }).click();

  const dialog = page.getByRole('dialog', { name: `Create ${parts} policies as one set` });
  await expect(dialog.getByRole('status').filter({ hasText: 'Creating in Sandbox account 123456789012' })).toBeVisible();
  await dialog.getByLabel('Set name').fill(stem);
  await dialog.getByLabel('Description (every part)').fill('Custom policy for Cloudcraft.');
  await expect(dialog.getByText(`The parts are named ${stem}, ${stem}-2`)).toBeVisible();
  await dialog.getByLabel('Search users, groups and roles').fill(role);
  const target = dialog.getByRole('checkbox', { name: new RegExp(`^Role ${role} `) });
  await expect(target).toBeEnabled();
  await target.check();
  await dialog.getByRole('button', { name: `Create ${parts} policies and attach` }).click();
  await expect(dialog.getByRole('status', { name: 'Set results' })).toContainText(
    `${parts} of ${parts} policies created; ${parts} of ${parts} attachments in place.`,
    { timeout: 120_000 },
  );
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();

  // In the account: every part once, attached once, tagged with the set.
  const listed = await api(sandboxApp, 'listPolicies', { search: stem });
  expect(listed.policies.map((p) => p.name).sort()).toEqual(
    [stem, ...Array.from({ length: parts - 1 }, (_, i) => `${stem}-${i + 2}`)].sort(),
  );
  expect(listed.policies.every((p) => p.attachmentCount === 1)).toBe(true);
  const roles = await api(sandboxApp, 'listPrincipals', { kinds: ['role'], search: role });
  expect(roles.principals[0]?.attachedPolicyCount).toBe(parts);

  // A role without room for the whole set cannot be picked.
  await dialog.getByLabel('Search users, groups and roles').fill('data-pipeline-role');
  await expect(dialog.getByRole('checkbox', { name: /^Role data-pipeline-role / })).toBeDisabled();
});
