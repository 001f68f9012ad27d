import type { Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expect, test } from './fixtures/test';

async function openWith(page: Page, openApp: () => Promise<Page>, statement: Record<string, unknown>): Promise<EditorPage> {
  await EditorPage.seedDraft(page, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] });
  await openApp();
  const editor = new EditorPage(page);
  await editor.settled();
  return editor;
}

const S3_GET = { Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::my-bucket/*'] };

async function conditionOf(editor: EditorPage): Promise<unknown> {
  return (await editor.policy()).Statement[0]?.Condition;
}

test('Require MFA writes exactly the Bool condition, and removing it removes Condition', async ({ page, openApp }) => {
  const editor = await openWith(page, openApp, S3_GET);
  const conditions = editor.block(1).getByRole('group', { name: 'Request conditions' });
  await conditions.getByRole('button', { name: 'Require MFA' }).click();
  expect(await conditionOf(editor)).toEqual({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
  await expect(conditions.getByText('aws:MultiFactorAuthPresent is true')).toBeVisible();
  await expect(conditions.getByRole('button', { name: 'MFA required' })).toBeDisabled();
  await conditions.getByRole('button', { name: 'Remove condition Bool aws:MultiFactorAuthPresent' }).click();
  expect((await editor.policy()).Statement[0]).not.toHaveProperty('Condition');
});

test('Only from IP ranges checks each CIDR and writes the good ones', async ({ page, openApp }) => {
  const editor = await openWith(page, openApp, S3_GET);
  const conditions = editor.block(1).getByRole('group', { name: 'Request conditions' });
  await conditions.getByRole('button', { name: 'Only from IP ranges' }).click();
  const dialog = page.getByRole('dialog', { name: 'Only from IP ranges' });
  await expect(dialog.getByRole('combobox', { name: 'Condition key' })).toHaveValue('aws:SourceIp');
  await expect(dialog.getByRole('combobox', { name: 'Operator' })).toHaveText('IpAddress');
  await dialog.getByLabel('Value', { exact: true }).fill('203.0.113.0/33');
  // the form says what the validator says (one conditions module)
  await expect(dialog.getByText('IpAddress needs an IP address or CIDR range, but "203.0.113.0/33" is not one.', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Add condition' }).click();
  await expect(dialog).toBeVisible();
  expect(await conditionOf(editor)).toBeUndefined();

  await dialog.getByLabel('Value', { exact: true }).fill('203.0.113.0/24');
  await dialog.getByRole('button', { name: 'Add value' }).click();
  await dialog.getByLabel('Value 2', { exact: true }).fill('2001:db8::/32');
  await dialog.getByRole('button', { name: 'Add condition' }).click();
  await expect(dialog).toBeHidden();
  expect(await conditionOf(editor)).toEqual({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } });
  await expect(conditions.getByText('aws:SourceIp is in one of 203.0.113.0/24, 2001:db8::/32')).toBeVisible();
});

test('Only within a time window writes DateGreaterThan and DateLessThan on aws:CurrentTime', async ({ page, openApp }) => {
  const editor = await openWith(page, openApp, S3_GET);
  await editor.block(1).getByRole('button', { name: 'Only within a time window' }).click();
  const dialog = page.getByRole('dialog', { name: 'Only within a time window' });
  await dialog.getByLabel('Start (UTC)').fill('2026-12-01T00:00');
  await dialog.getByLabel('End (UTC)').fill('2026-11-01T00:00');
  await expect(dialog.getByText('The end must be after the start')).toBeVisible();
  await dialog.getByLabel('End (UTC)').fill('2026-12-31T18:30');
  await dialog.getByRole('button', { name: 'Set time window' }).click();
  await expect(dialog).toBeHidden();
  expect(await conditionOf(editor)).toEqual({
    DateGreaterThan: { 'aws:CurrentTime': '2026-12-01T00:00:00Z' },
    DateLessThan: { 'aws:CurrentTime': '2026-12-31T18:30:00Z' },
  });
});

test('a condition on a tag key, with operators for the key type', async ({ page, openApp }) => {
  const editor = await openWith(page, openApp, S3_GET);
  await editor.block(1).getByRole('button', { name: 'Add condition' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add condition' });
  const key = dialog.getByRole('combobox', { name: 'Condition key' });

  // a Bool key offers Bool and Null only, and true/false values
  await key.fill('aws:SecureTransport');
  await key.press('Escape');
  await dialog.getByRole('combobox', { name: 'Operator' }).click();
  await expect(page.getByRole('listbox').getByRole('option')).toHaveText(['Bool', 'Null']);
  await page.keyboard.press('Escape');

  // a multi-valued key gets a set qualifier, ForAnyValue by default
  await key.fill('aws:TagKeys');
  await key.press('Escape');
  await expect(dialog.getByRole('combobox', { name: 'Set qualifier' })).toHaveText('ForAnyValue');

  // a key with a variable asks for the tag key
  await key.fill('aws:ResourceTag');
  await page.getByRole('option', { name: /^aws:ResourceTag\/\$\{TagKey\}/ }).click();
  await dialog.getByLabel('Tag key').fill('team');
  await expect(dialog.getByRole('combobox', { name: 'Set qualifier' })).toHaveCount(0);
  await dialog.getByLabel('Value', { exact: true }).fill('blue');
  await dialog.getByLabel(/If exists/).check();
  await dialog.getByRole('button', { name: 'Add condition' }).click();
  expect(await conditionOf(editor)).toEqual({ StringEqualsIfExists: { 'aws:ResourceTag/team': 'blue' } });
});

test('conditions the editor does not write are kept as they are', async ({ page, openApp }) => {
  const editor = await openWith(page, openApp, {
    ...S3_GET,
    Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x', 's3:prefix': ['a', 'b'] }, Custom: { k: 'v' } },
  });
  const conditions = editor.block(1).getByRole('group', { name: 'Request conditions' });
  await expect(conditions.getByText('Custom is not a condition operator IAM knows.')).toBeVisible();
  await conditions.getByRole('button', { name: 'Remove condition StringEquals aws:PrincipalTag/team' }).click();
  expect(await conditionOf(editor)).toEqual({ StringEquals: { 's3:prefix': ['a', 'b'] }, Custom: { k: 'v' } });
  await conditions.getByRole('button', { name: 'Require MFA' }).click();
  expect(await conditionOf(editor)).toEqual({
    StringEquals: { 's3:prefix': ['a', 'b'] },
    Custom: { k: 'v' },
    Bool: { 'aws:MultiFactorAuthPresent': 'true' },
  });
});
