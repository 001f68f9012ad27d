import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { EXPORT_FORMATS, runExport, type ExportFormat } from '../src/features/export/exportFormats';
import { shareLinkFor } from '../src/features/export/formats/shareLink';
import type { ExportInput } from '../src/features/export/formats/types';
import type { JsonValue } from '../src/policy/model';
import { EditorPage } from './pages/EditorPage';
import { expect, test } from './fixtures/test';

const DRAFT_KEY = 'workbench.draft.v1';

/** The ECS seed policy (read-only ECS, only with MFA) and a second block. */
const SEED: JsonValue = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'EcsReadOnlyWithMfa',
      Effect: 'Allow',
      Action: ['ecs:Describe*', 'ecs:List*'],
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
    {
      Sid: 'ReadEcsLogs',
      Effect: 'Allow',
      Action: ['logs:GetLogEvents', 'logs:FilterLogEvents'],
      Resource: 'arn:aws:logs:*:*:log-group:/ecs/*',
    },
  ],
};
/** the seeded text, as EditorPage.seedDraft writes it */
const SEED_TEXT = JSON.stringify(SEED, null, 4);

const OTHER_WORK = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'MyWork', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::my-bucket/*' }],
};

const INPUT: ExportInput = {
  document: SEED,
  name: 'EcsReadOnlyWithMfa',
  description: 'Read-only ECS, with MFA',
  path: '/team/',
  targets: { users: [], groups: ['ops'], roles: ['ecs-readers', 'ci-deploy'] },
};

function exportDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Export the policy' });
}

async function openExport(page: Page) {
  await page.getByRole('navigation', { name: 'Policy' }).getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

async function fillInput(page: Page): Promise<void> {
  const dialog = exportDialog(page);
  await dialog.getByLabel('Policy name').fill(INPUT.name);
  await dialog.getByLabel('Description').fill(INPUT.description ?? '');
  await dialog.getByLabel('Path').fill(INPUT.path ?? '');
  for (const group of INPUT.targets?.groups ?? []) {
    await dialog.getByLabel('Attach to groups').fill(group);
    await dialog.getByLabel('Attach to groups').press('Enter');
  }
  for (const role of INPUT.targets?.roles ?? []) {
    await dialog.getByLabel('Attach to roles').fill(role);
    await dialog.getByLabel('Attach to roles').press('Enter');
  }
}

function formatLabel(id: ExportFormat): string {
  const info = EXPORT_FORMATS.find((f) => f.id === id);
  if (!info) throw new Error(id);
  return info.label;
}

/** The autosaved draft's text in a page. */
function savedText(page: Page): Promise<string | undefined> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { text?: string }).text : undefined;
  }, DRAFT_KEY);
}

/**
 * A page in a fresh browser context (another person's browser), failing on console errors. The
 * receiver runs a workbench of their own, so the tab knows a launch token (the API calls of the
 * account features would fail without one); `seed` is their autosaved draft.
 */
async function freshPage(browser: Browser, token: string | null, errors: string[], seed?: JsonValue): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  if (token) await page.addInitScript((t) => sessionStorage.setItem('workbench.token', t), token);
  if (seed !== undefined) await EditorPage.seedDraft(page, seed);
  return page;
}

/** The app is slower to start in a fresh context (nothing cached). */
const FIRST_LOAD = { timeout: 30_000 };

/** The share link the app offers for its current draft. */
async function shareLinkOf(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a link to this draft' });
  await expect(dialog).toContainText('never send the fragment to any server');
  const link = await dialog.getByLabel('Share link').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return link;
}

test('exports every format exactly as the exporters write it, with their notes', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, SEED);
  await openApp();
  const dialog = await openExport(page);
  // the suggested name comes from the services in the policy
  // the same name the review step suggests (one name suggester)
  await expect(dialog.getByLabel('Policy name')).toHaveValue('ECS-CloudWatchLogs-ReadOnly-MFA');
  await fillInput(page);

  for (const { id, what } of EXPORT_FORMATS) {
    await dialog.getByRole('tab', { name: formatLabel(id), exact: true }).click();
    const expected = runExport(id, INPUT);
    await expect(dialog.getByRole('textbox', { name: `Exported ${what}` })).toHaveValue(expected.text);
    for (const note of expected.notes) await expect(dialog.getByRole('alert').filter({ hasText: note })).toBeVisible();
    await expect(dialog.getByText(expected.filename, { exact: true })).toBeVisible();
  }

  await dialog.getByRole('tab', { name: 'JSON', exact: true }).click();
  await dialog.getByLabel('Minified').check();
  await expect(dialog.getByRole('textbox', { name: 'Exported policy JSON' })).toHaveValue(
    runExport('json', INPUT, { minified: true }).text,
  );
});

test('copies and downloads the export', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, SEED);
  await openApp();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const dialog = await openExport(page);
  await fillInput(page);

  await dialog.getByRole('tab', { name: 'CloudFormation YAML' }).click();
  await dialog.getByRole('button', { name: 'Copy CloudFormation YAML' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'copied to the clipboard' })).toBeVisible();
  const yaml = runExport('cfn-yaml', INPUT);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(yaml.text);

  await dialog.getByRole('tab', { name: 'Terraform' }).click();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download Terraform' }).click();
  const download = await downloading;
  const terraform = runExport('terraform', INPUT);
  expect(download.suggestedFilename()).toBe(terraform.filename);
  expect(await readFile(await download.path(), 'utf8')).toBe(terraform.text);

  // the inputs are kept for next time
  await dialog.getByRole('button', { name: 'Close' }).click();
  await openExport(page);
  await expect(dialog.getByLabel('Policy name')).toHaveValue(INPUT.name);
  await expect(dialog.getByLabel('Path')).toHaveValue('/team/');
});

test('export is disabled, with the reason, while the JSON does not parse', async ({ page, openApp }) => {
  await page.addInitScript(
    ([key, text]) => {
      if (sessionStorage.getItem('seeded')) return;
      const document = { Version: '2012-10-17', Statement: [] };
      localStorage.setItem(key, JSON.stringify({ text, document, kind: 'managed', meta: [], savedAt: '' }));
      sessionStorage.setItem('seeded', '1');
    },
    [DRAFT_KEY, '{"Version": "2012-10-17", "Statement": [ {"Effect": "Allow", '] as const,
  );
  await openApp();
  const dialog = await openExport(page);
  await expect(dialog.getByRole('alert').filter({ hasText: 'syntax error' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy policy JSON' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Download policy JSON' })).toBeDisabled();
  await expect(dialog.getByRole('textbox', { name: 'Exported policy JSON' })).toHaveValue('');
});

test('a share link opens the same draft in another browser', async ({ page, openApp, browser, app }) => {
  await EditorPage.seedDraft(page, SEED);
  await openApp();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // the name goes with the link
  const dialog = await openExport(page);
  await dialog.getByLabel('Policy name').fill('EcsReadOnlyWithMfa');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const link = await shareLinkOf(page);
  expect(link.startsWith(`${app.url.replace(/\/?$/, '/')}#draft=`)).toBe(true);
  expect(link).not.toContain('token=');
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const errors: string[] = [];
  const other = await freshPage(browser, app.token, errors);
  await other.goto(link);
  await expect(other.getByRole('alert').filter({ hasText: 'Opened the shared policy.' })).toBeVisible(FIRST_LOAD);
  await expect(other.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => savedText(other)).toBe(SEED_TEXT);
  expect(new URL(other.url()).hash).toBe('');
  await expect(new EditorPage(other).block(2)).toContainText('ReadEcsLogs');
  await other.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exportDialog(other).getByLabel('Policy name')).toHaveValue('EcsReadOnlyWithMfa');
  await other.context().close();
  expect(errors).toEqual([]);
});

test('a share link pasted into an open workbench opens there too', async ({ page, openApp, app }) => {
  await openApp();
  await new EditorPage(page).expectBlockCount(1);
  const link = shareLinkFor(app.url, { text: SEED_TEXT, kind: 'inline-role', name: 'EcsReaders' });
  await page.goto(link); // only the fragment changes: no reload
  await expect(page.getByRole('alert').filter({ hasText: 'Opened the shared policy.' })).toBeVisible();
  await expect.poll(() => savedText(page)).toBe(SEED_TEXT);
  await expect(page.getByLabel('Policy kind')).toContainText('Inline policy for a role');
  expect(new URL(page.url()).hash).toBe('');
});

test('a share link asks before it replaces work, and Undo brings the work back', async ({ page, openApp, browser, app }) => {
  await EditorPage.seedDraft(page, SEED);
  await openApp();
  const link = await shareLinkOf(page);
  const otherText = JSON.stringify(OTHER_WORK, null, 4);
  const errors: string[] = [];

  // Keep my draft
  const keeper = await freshPage(browser, app.token, errors, OTHER_WORK);
  await keeper.goto(link);
  const ask = keeper.getByRole('dialog', { name: 'Open the shared policy?' });
  await expect(ask).toContainText('It will replace your current draft; Undo brings it back', FIRST_LOAD);
  await ask.getByRole('button', { name: 'Keep my draft' }).click();
  await expect(ask).toBeHidden();
  await expect(keeper.getByRole('status', { name: 'Draft status', includeHidden: true })).toHaveText('Saved in this browser');
  expect(await savedText(keeper)).toBe(otherText);
  expect(new URL(keeper.url()).hash).toBe('');
  await keeper.context().close();

  // Open, then Undo
  const opener = await freshPage(browser, app.token, errors, OTHER_WORK);
  await opener.goto(link);
  const askAgain = opener.getByRole('dialog', { name: 'Open the shared policy?' });
  await expect(askAgain).toBeVisible(FIRST_LOAD);
  await askAgain.getByRole('button', { name: 'Open' }).click();
  await expect.poll(() => savedText(opener)).toBe(SEED_TEXT);
  await opener.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => savedText(opener)).toBe(otherText);
  await opener.context().close();
  expect(errors).toEqual([]);
});

test('a cut or damaged share link says so and keeps the draft', async ({ page, openApp, browser, app }) => {
  await EditorPage.seedDraft(page, SEED);
  await openApp();
  const link = await shareLinkOf(page);
  const cut = link.slice(0, link.length - 12);
  const draftPart = cut.slice(cut.indexOf('#draft=') + 1);
  const errors: string[] = [];

  // opened at startup, with the launch token too: the token is kept, the draft leaves the address bar
  const other = await freshPage(browser, null, errors, OTHER_WORK);
  await other.goto(`${app.url}#token=${app.token}&${draftPart}`);
  const failed = other.getByRole('dialog', { name: 'The share link could not be opened' });
  await expect(failed.getByRole('alert')).toContainText('incomplete or damaged', FIRST_LOAD);
  await expect(failed).toContainText('Your draft was not changed.');
  await failed.getByRole('button', { name: 'OK' }).click();
  await expect(failed).toBeHidden();
  await expect(other.getByRole('status', { name: 'Draft status', includeHidden: true })).toHaveText('Saved in this browser');
  expect(await savedText(other)).toBe(JSON.stringify(OTHER_WORK, null, 4));
  expect(new URL(other.url()).hash).toBe('');
  expect(await other.evaluate(() => sessionStorage.getItem('workbench.token'))).toBe(app.token);
  await other.context().close();

  // pasted into the open workbench
  await page.goto(`${app.url}#draft=not-a-draft`);
  await expect(page.getByRole('dialog', { name: 'The share link could not be opened' })).toBeVisible();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('status', { name: 'Draft status', includeHidden: true })).toHaveText('Saved in this browser');
  expect(await savedText(page)).toBe(SEED_TEXT);
  expect(errors).toEqual([]);
});

test('prints a clean review: the summary and the JSON, no toolbar', async ({ page, openApp }, testInfo) => {
  await EditorPage.seedDraft(page, SEED);
  await openApp();
  await expect(new EditorPage(page).block(2)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const review = page.getByRole('article', { name: 'Policy review' });
  await expect(review).toBeVisible();
  await expect(review.getByRole('table', { name: 'Allow' })).toBeVisible();
  await expect(review.getByRole('table', { name: 'Allow' })).toContainText('CloudWatch Logs');
  await expect(review.getByRole('region', { name: 'Policy JSON' })).toContainText('"aws:MultiFactorAuthPresent": "true"');
  await expect(page.getByRole('navigation', { name: 'Policy' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeHidden();
  await expect(page.getByRole('main', { name: 'Visual editor' })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('print.png'), fullPage: true });

  await page.emulateMedia({ media: 'screen' });
  await expect(review).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Policy' })).toBeVisible();

  // Ctrl+P: the review is rendered from beforeprint to afterprint, and only then
  const anyReview = page.getByRole('article', { name: 'Policy review', includeHidden: true });
  await expect(anyReview).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(anyReview).toHaveCount(1);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(anyReview).toHaveCount(0);
});
