/**
 * Replacing a draft that has work in it shows first what the replacement changes in access: an
 * import with "Replace the draft" (Back keeps the draft, Replace replaces it), and a share link
 * opened over a draft.
 */
import type { Page } from '@playwright/test';
import { shareLinkFor } from '../src/features/export/formats/shareLink';
import { expect, test } from './fixtures/test';
import { EditorPage } from './pages/EditorPage';

const DRAFT = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Launch', Effect: 'Allow', Action: ['ec2:RunInstances', 's3:GetObject'], Resource: '*' },
  ],
};

async function savedDocument(page: Page): Promise<unknown> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('workbench.draft.v1');
    return raw ? (JSON.parse(raw) as { document: unknown }).document : null;
  });
}

test('an import that replaces the draft shows what it adds and removes in access first', async ({
  page,
  openApp,
}) => {
  await EditorPage.seedDraft(page, DRAFT);
  await openApp();
  await new EditorPage(page).expectBlockCount(1);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a policy' });
  await dialog.getByRole('combobox', { name: 'Search AWS managed policies' }).fill('AmazonS3ReadOnlyAccess');
  await dialog.getByRole('option', { name: /^AmazonS3ReadOnlyAccess,/ }).click();
  await expect(dialog.getByRole('region', { name: 'Policy document' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Replace the draft' }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  const confirm = page.getByRole('dialog', {
    name: /^Replace the draft with AmazonS3ReadOnlyAccess v\d+\?$/,
  });
  const diff = confirm.getByRole('region', {
    name: /^Access of AmazonS3ReadOnlyAccess v\d+ compared with the draft$/,
  });
  await expect(diff).toContainText('Grants new access');
  await diff.getByRole('button', { name: 'Show the grants' }).click();
  await expect(diff.getByRole('region', { name: 'Added' })).toContainText('s3:ListBucket');
  await expect(diff.getByRole('region', { name: 'Removed or narrowed' })).toContainText('ec2:RunInstances');
  await expect(diff.getByRole('region', { name: 'Added' })).not.toContainText(/\+ s3:GetObject on /);

  // Back: nothing replaced, the import dialog still open.
  await confirm.getByRole('button', { name: 'Back' }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeVisible();
  expect(await savedDocument(page)).toEqual(DRAFT);

  // Replace: the draft is AmazonS3ReadOnlyAccess.
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await confirm.getByRole('button', { name: 'Replace the draft' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => JSON.stringify(await savedDocument(page))).toContain('s3:List*');
  await expect.poll(async () => JSON.stringify(await savedDocument(page))).not.toContain('ec2:RunInstances');
});

test('a share link opened over a draft shows what it changes in access', async ({ page, openApp, app }) => {
  await EditorPage.seedDraft(page, DRAFT);
  await openApp();
  await new EditorPage(page).expectBlockCount(1);
  const shared = JSON.stringify(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
    null,
    2,
  );
  await page.goto(shareLinkFor(app.url, { text: shared, kind: 'managed', name: 'Readers' }));
  const ask = page.getByRole('dialog', { name: 'Open the shared policy?' });
  const diff = ask.getByRole('region', { name: 'Access of the shared policy compared with your draft' });
  await expect(diff).toContainText('No new access');
  await diff.getByRole('button', { name: 'Show the grants' }).click();
  await expect(diff.getByRole('region', { name: 'Removed or narrowed' })).toContainText('ec2:RunInstances');
  await ask.getByRole('button', { name: 'Keep my draft' }).click();
  await expect(ask).toBeHidden();
  expect(await savedDocument(page)).toEqual(DRAFT);
});
