import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

const DRAFT_KEY = 'workbench.draft.v1';

const TWO_STATEMENTS =
  '{"Version":"2012-10-17","Statement":[' +
  '{"Sid":"ReadObjects","Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::example-bucket/*"]},' +
  '{"Sid":"ListInstances","Effect":"Allow","Action":["ec2:DescribeInstances"],"Resource":["*"]}]}';

/** The JSON editor's input (Monaco's), by its accessible name. */
function jsonInput(page: Page) {
  return page.getByRole('textbox', { name: 'Policy JSON' });
}

/** Clicks into the JSON editor once Monaco is there. */
async function focusJson(page: Page): Promise<void> {
  const editor = page.getByTestId('json-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await editor.locator('.view-lines').click();
  await expect(jsonInput(page)).toBeFocused();
}

/** Pastes text at the cursor (typing would auto-close brackets and quotes). */
async function pasteJson(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

/** Replaces the whole text: select all, paste. */
async function replaceJson(page: Page, text: string): Promise<void> {
  await focusJson(page);
  await page.keyboard.press('ControlOrMeta+A');
  await pasteJson(page, text);
}

/** What Monaco shows (the visible lines), with its non-breaking spaces as spaces. */
async function shownJson(page: Page): Promise<string> {
  const text = await page.getByTestId('json-editor').locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** The text as the app keeps it (the autosaved draft). */
async function savedText(page: Page): Promise<string | undefined> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { text?: string }).text : undefined;
  }, DRAFT_KEY);
}

test('typing a policy in the JSON view shows its statements as blocks', async ({ openApp }) => {
  const page = await openApp();
  await expect(jsonInput(page)).toBeAttached();
  await replaceJson(page, TWO_STATEMENTS);
  await expect(page.getByRole('region', { name: 'Permission block 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Permission block 1' })).toContainText('ReadObjects');
  await expect(page.getByRole('region', { name: 'Permission block 2' })).toContainText('ListInstances');
  await expect.poll(() => savedText(page)).toBe(TWO_STATEMENTS);
});

test('a syntax error keeps the text exactly, marks it, and keeps the blocks until it is fixed', async ({
  openApp,
}) => {
  const page = await openApp();
  await replaceJson(page, TWO_STATEMENTS);
  await expect(page.getByRole('region', { name: 'Permission block 2' })).toBeVisible();

  // Add a third statement, cut short: "...}]}" becomes "...},{"Effect":"Deny"]}".
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await pasteJson(page, ',{"Effect":"Deny"');
  const broken = TWO_STATEMENTS.slice(0, -2) + ',{"Effect":"Deny"]}';
  await expect.poll(() => savedText(page)).toBe(broken);
  await expect(page.getByRole('alert').filter({ hasText: 'syntax error' })).toBeVisible();
  await expect(page.getByTestId('json-editor').locator('.squiggly-error').first()).toBeVisible();
  await expect(page.getByRole('group', { name: 'Findings by severity' })).toContainText(/[1-9]\d* errors?/);
  await expect(page.getByRole('region', { name: 'Permission block 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Permission block 3' })).toHaveCount(0);
  expect(await shownJson(page)).toBe(broken);

  // Finish the statement: the text parses again and the blocks follow.
  await pasteJson(page, ',"Action":"s3:ListBucket","Resource":"*"}');
  await expect(page.getByRole('region', { name: 'Permission block 3' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'syntax error' })).toHaveCount(0);
  await expect(page.getByTestId('json-editor').locator('.squiggly-error')).toHaveCount(0);
  await expect
    .poll(() => savedText(page))
    .toBe(TWO_STATEMENTS.slice(0, -2) + ',{"Effect":"Deny","Action":"s3:ListBucket","Resource":"*"}]}');
});

test('a visual edit updates the JSON at once, and Ctrl+Z in the JSON view undoes it through the one history', async ({
  openApp,
}) => {
  const page = await openApp();
  await expect(page.getByTestId('json-editor').locator('.monaco-editor')).toBeVisible();
  expect(await shownJson(page)).toContain('"Effect": "Allow"');

  const block = page.getByRole('region', { name: 'Permission block 1' });
  await block.getByRole('button', { name: 'Deny' }).click();
  await expect.poll(() => shownJson(page)).toContain('"Effect": "Deny"');
  await expect(block.getByRole('button', { name: 'Deny' })).toHaveAttribute('aria-pressed', 'true');

  // Undo in Monaco goes to the app's history: the visual edit is undone, and Redo becomes possible.
  await focusJson(page);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => shownJson(page)).toContain('"Effect": "Allow"');
  await expect(block.getByRole('button', { name: 'Allow' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();

  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect.poll(() => shownJson(page)).toContain('"Effect": "Deny"');
  await expect(block.getByRole('button', { name: 'Deny' })).toHaveAttribute('aria-pressed', 'true');
});

test('Ctrl+Z in the JSON view undoes typing through the app history', async ({ openApp }) => {
  const page = await openApp();
  await replaceJson(page, TWO_STATEMENTS);
  await expect(page.getByRole('region', { name: 'Permission block 2' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.getByRole('region', { name: 'Permission block 2' })).toHaveCount(0);
  await expect.poll(() => shownJson(page)).toContain('"Action": []');
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
  await page.keyboard.press('ControlOrMeta+Y');
  await expect(page.getByRole('region', { name: 'Permission block 2' })).toBeVisible();
  await expect.poll(() => savedText(page)).toBe(TWO_STATEMENTS);
});

test('clicking a finding shows its line in the JSON view and its block in the visual editor', async ({
  openApp,
}) => {
  const page = await openApp();
  // Eight statements of many resources: the last one is far below in both views.
  const statements = Array.from({ length: 8 }, (_, i) => ({
    Sid: `Read${i + 1}`,
    Effect: 'Allow',
    Action: ['s3:GetObject'],
    Resource: Array.from({ length: 8 }, (_, k) => `arn:aws:s3:::bucket-${i + 1}-${k + 1}/*`),
  }));
  const last = statements[statements.length - 1];
  if (last) last.Action = ['s3:GetObjectt'];
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
  const line = text.split('\n').findIndex((l) => l.includes('s3:GetObjectt')) + 1;
  await replaceJson(page, text);
  await expect(page.getByRole('region', { name: 'Permission block 8' })).toBeAttached({ timeout: 20_000 });

  await page.getByRole('tab', { name: /Findings/ }).click();
  await page
    .getByRole('list', { name: 'Findings' })
    .getByRole('button', { name: /s3:GetObjectt/ })
    .click();

  await expect(page.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
  const editor = page.getByTestId('json-editor');
  await expect(editor.locator('.active-line-number')).toHaveText(String(line));
  await expect(editor.locator('.active-line-number')).toBeInViewport();
  await expect(jsonInput(page)).toBeFocused();
  await expect(editor.locator('.selected-text').first()).toBeVisible();
  // the block's header is in view and not under the sticky search box (a trial click needs it uncovered)
  const block = page.getByRole('region', { name: 'Permission block 8' });
  await expect(block.getByRole('heading').first()).toBeInViewport();
  await block
    .getByRole('button', { name: 'Collapse permission block 8' })
    .click({ trial: true, timeout: 5000 });
});

test('action names complete from the catalog inside Action', async ({ openApp }) => {
  const page = await openApp();
  await replaceJson(
    page,
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*","Action":[]}]}',
  );
  await page.keyboard.press('ControlOrMeta+End');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('"s3:GetObjectTagg');
  const suggestion = page.getByRole('option', { name: /s3:GetObjectTagging/ });
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toContainText('Read');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => savedText(page))
    .toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*","Action":["s3:GetObjectTagging"]}]}',
    );
  await expect(page.getByRole('region', { name: 'Permission block 1' })).toContainText(
    /GetObjectTagging|1 action/,
  );
});
