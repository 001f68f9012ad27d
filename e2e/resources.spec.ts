import type { Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expect, test } from './fixtures/test';

/** Opens the app on a one-block policy with these S3 actions (the action picker is tested elsewhere). */
async function openWith(page: Page, openApp: () => Promise<Page>, statement: Record<string, unknown>): Promise<EditorPage> {
  await EditorPage.seedDraft(page, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] });
  await openApp();
  const editor = new EditorPage(page);
  await editor.settled();
  return editor;
}

test('a chosen service without actions asks for actions first', async ({ openApp }) => {
  const page = await openApp();
  const editor = new EditorPage(page);
  await editor.block(1).getByRole('combobox', { name: 'Service' }).fill('Amazon S3');
  await page.getByRole('option', { name: 'Amazon S3 (s3)' }).click();
  const resources = editor.block(1).getByRole('group', { name: 'Resources' });
  await expect(resources.getByText('Choose actions first')).toBeVisible();
});

test('an S3 bucket ARN is built from the template', async ({ page, openApp }) => {
  const editor = await openWith(page, openApp, { Action: ['s3:ListBucket'], Resource: [] });
  const resources = editor.block(1).getByRole('group', { name: 'Resources' });
  // no resource yet: the choice is shown prominently
  await expect(resources.getByText('Which resources may these actions act on?')).toBeVisible();
  await resources.getByRole('radio', { name: 'Specific resources' }).check();
  const bucket = resources.getByRole('group', { name: 'Resource type bucket' });
  await expect(bucket.getByText('arn:${Partition}:s3:::${BucketName}')).toBeVisible();
  await bucket.getByRole('button', { name: 'Add bucket ARN' }).click();
  const row = bucket.getByRole('group', { name: 'bucket ARN 1' });
  // S3 bucket ARNs have no Region and no account
  await expect(row.getByLabel('Region', { exact: true })).toHaveCount(0);
  await expect(row.getByLabel('Account', { exact: true })).toHaveCount(0);
  await expect(row.getByLabel('BucketName', { exact: true })).toBeFocused();
  await row.getByLabel('BucketName', { exact: true }).pressSequentially('my-bucket');
  expect((await editor.policy()).Statement[0]?.Resource).toEqual(['arn:aws:s3:::my-bucket']);

  await row.getByLabel('BucketName', { exact: true }).fill('my bucket');
  await expect(row.getByText('No spaces allowed')).toBeVisible();
  await row.getByRole('checkbox', { name: 'Any BucketName' }).check();
  await row.getByRole('combobox', { name: 'Partition' }).click();
  await page.getByRole('option', { name: 'aws-cn' }).click();
  expect((await editor.policy()).Statement[0]?.Resource).toEqual(['arn:aws-cn:s3:::*']);

  await row.getByRole('button', { name: 'Remove bucket ARN 1' }).click();
  expect((await editor.policy()).Statement[0]?.Resource).toEqual([]);
});

test('a pasted ARN is checked against the template', async ({ page, openApp }) => {
  const editor = await openWith(page, openApp, { Action: ['s3:ListBucket'], Resource: [] });
  const resources = editor.block(1).getByRole('group', { name: 'Resources' });
  await resources.getByRole('radio', { name: 'Specific resources' }).check();
  const bucket = resources.getByRole('group', { name: 'Resource type bucket' });
  const paste = bucket.getByLabel('Paste an ARN', { exact: false });
  await paste.fill('arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap');
  await paste.press('Enter');
  await expect(bucket.getByText('This ARN does not match the bucket format arn:${Partition}:s3:::${BucketName}. It fits accesspoint')).toBeVisible();
  expect((await editor.policy()).Statement[0]?.Resource).toEqual([]);

  await paste.fill('arn:aws:s3:::logs-bucket');
  await bucket.getByRole('button', { name: 'Add pasted bucket ARN' }).click();
  await expect(bucket.getByRole('group', { name: 'bucket ARN 1' }).getByLabel('BucketName', { exact: true })).toHaveValue('logs-bucket');
  expect((await editor.policy()).Statement[0]?.Resource).toEqual(['arn:aws:s3:::logs-bucket']);
});

test('account and Region are checked, and "Any in this account" fills the rest with *', async ({ page, openApp }) => {
  const editor = await openWith(page, openApp, { Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::b'] });
  const accessPoint = editor.block(1).getByRole('group', { name: 'Resource type accesspoint' });
  await accessPoint.getByRole('button', { name: 'Add accesspoint ARN' }).click();
  const row = accessPoint.getByRole('group', { name: 'accesspoint ARN 1' });
  await row.getByLabel('Account', { exact: true }).fill('12345');
  await expect(row.getByText('An account ID is 12 digits')).toBeVisible();
  await row.getByLabel('Region', { exact: true }).fill('Ireland');
  await expect(row.getByText('Not a Region: use the form us-east-1')).toBeVisible();
  await row.getByLabel('Account', { exact: true }).fill('123456789012');
  await row.getByRole('button', { name: 'Any in this account' }).click();
  await expect(row.getByLabel('AccessPointName', { exact: true })).toHaveValue('*');
  expect((await editor.policy()).Statement[0]?.Resource).toEqual([
    'arn:aws:s3:::b',
    'arn:aws:s3:*:123456789012:accesspoint/*',
  ]);
});

test('All resources writes "*", and wildcard-only actions are named', async ({ page, openApp }) => {
  const editor = await openWith(page, openApp, { Action: ['s3:ListBucket', 's3:ListAllMyBuckets'], Resource: [] });
  const block = editor.block(1);
  const resources = block.getByRole('group', { name: 'Resources' });
  await expect(resources.getByText('This action supports only all resources: s3:ListAllMyBuckets')).toBeVisible();
  await resources.getByRole('radio', { name: 'All resources' }).check();
  expect((await editor.policy()).Statement[0]?.Resource).toEqual(['*']);

  // specific ARNs with a wildcard-only action: a warning, and a way out
  await resources.getByRole('radio', { name: 'Specific resources' }).check();
  await resources.getByLabel('Paste an ARN of type bucket').fill('arn:aws:s3:::my-bucket');
  await resources.getByRole('button', { name: 'Add pasted bucket ARN' }).click();
  await expect(resources.getByText(/s3:ListAllMyBuckets supports only all resources .* never matches/)).toBeVisible();
  await resources.getByRole('button', { name: 'Move to a new block' }).click();
  await editor.expectBlockCount(2);
  const policy = await editor.policy();
  expect(policy.Statement[0]).toEqual({ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::my-bucket'] });
  expect(policy.Statement[1]).toEqual({ Effect: 'Allow', Action: ['s3:ListAllMyBuckets'], Resource: ['*'] });
});

test('ARNs that fit no resource type of the actions are shown and kept', async ({ page, openApp }) => {
  const editor = await openWith(page, openApp, {
    Action: ['s3:ListBucket'],
    Resource: ['arn:aws:iam::123456789012:role/Admin', 'arn:aws:s3:::keep-me'],
  });
  const resources = editor.block(1).getByRole('group', { name: 'Resources' });
  const other = resources.getByRole('group', { name: 'Other ARNs' });
  await expect(other.getByText('arn:aws:iam::123456789012:role/Admin')).toBeVisible();
  await resources.getByRole('group', { name: 'bucket ARN 1' }).getByLabel('BucketName', { exact: true }).fill('changed');
  expect((await editor.policy()).Statement[0]?.Resource).toEqual(['arn:aws:iam::123456789012:role/Admin', 'arn:aws:s3:::changed']);
  await other.getByRole('button', { name: 'Remove arn:aws:iam::123456789012:role/Admin' }).click();
  expect((await editor.policy()).Statement[0]?.Resource).toEqual(['arn:aws:s3:::changed']);
});
