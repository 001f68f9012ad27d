/**
 * Accessibility: an axe-core sweep of every screen and dialog in light and dark (zero serious or
 * critical violations), visible keyboard focus, the action list as one tab stop with arrow keys
 * inside, and the JSON editor's Tab-trap hint.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { EditorPage } from './pages/EditorPage';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Mode = 'light' | 'dark';

/** One violation as a line: the state, the rule, its impact and the first few elements. */
type Found = string;

/**
 * Runs axe on the page as it is now and returns its serious and critical violations. The
 * experimental "label-content-name-mismatch" rule runs too (WCAG 2.5.3, label in name).
 */
async function audit(page: Page, state: string): Promise<Found[]> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 4)
        .map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)})` : ''}`);
      return `${state}: ${v.id} [${v.impact}] ${v.nodes.length} node(s): ${nodes.join(' | ')}`;
    });
}

/** Collects violations across states so one run lists them all. */
class Sweep {
  readonly found: Found[] = [];
  constructor(
    readonly page: Page,
    readonly mode: Mode,
  ) {}
  async check(state: string): Promise<void> {
    this.found.push(...(await audit(this.page, `${this.mode} · ${state}`)));
  }
  expectClean(): void {
    expect(this.found, this.found.join('\n')).toEqual([]);
  }
}

async function useMode(page: Page, mode: Mode): Promise<void> {
  await page.addInitScript((m) => localStorage.setItem('workbench.colorMode', m), mode);
}

/** A policy with findings (an unknown action, a wildcard-only action scoped to a bucket) and an S3 block with object ARNs. */
const WITH_FINDINGS = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'],
    },
    {
      Effect: 'Allow',
      Action: ['s3:GetObjects', 's3:ListAllMyBuckets'],
      Resource: ['arn:aws:s3:::my-bucket'],
    },
  ],
};

/** ViewOnlyAccess (12 k characters): over the managed policy quota even compacted, so it splits in two. */
function overQuota(): unknown {
  const file = path.join(root, 'public', 'catalog', 'managed-policies', 'ViewOnlyAccess.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { document: unknown }).document;
}

/** Waits, longer than EditorPage.settled on a loaded machine, until the blocks' details have loaded. */
async function settled(page: Page): Promise<void> {
  const main = page.getByRole('main', { name: 'Visual editor' });
  await expect(main.getByRole('progressbar', { name: /^Loading .* action details$/ })).toHaveCount(0, { timeout: 60_000 });
  await expect(main.getByText(/^Loading the resource types of /)).toHaveCount(0, { timeout: 60_000 });
}

async function closeDialog(dialog: Locator, button = 'Close'): Promise<void> {
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

for (const mode of ['light', 'dark'] as const) {
  test(`axe: the editor, a block, the action picker, search, findings, summary and the local dialogs (${mode})`, async ({
    page,
    openApp,
  }) => {
    test.setTimeout(240_000);
    await useMode(page, mode);
    await EditorPage.seedDraft(page, WITH_FINDINGS);
    await openApp();
    const editor = new EditorPage(page);
    await settled(page);
    const sweep = new Sweep(page, mode);

    // the main screen with an expanded S3 block: actions, resources with "Add object ARN", conditions
    await expect(editor.block(1).getByRole('group', { name: 'Resource type object' })).toBeVisible();
    await sweep.check('main screen, expanded S3 block, JSON tab');

    // the action picker filtered
    await editor.block(1).getByRole('searchbox', { name: 'Filter actions' }).fill('Object');
    await expect(editor.block(1).getByText(/\d+ matching/).first()).toBeVisible();
    await sweep.check('action picker filtered');

    // search results
    const search = page.getByRole('combobox', { name: 'Search services and actions' });
    await search.fill('s3');
    await expect(page.getByRole('option').first()).toBeVisible();
    await sweep.check('search results');
    await search.press('Escape');
    await search.press('Escape');

    // findings and summary
    await page.getByRole('tab', { name: /^Findings/ }).click();
    await expect(page.getByRole('list', { name: 'Findings' })).toBeVisible();
    await sweep.check('findings');
    await page.getByRole('tab', { name: 'Summary' }).click();
    await sweep.check('summary');
    await page.getByRole('tab', { name: 'JSON' }).click();

    // import: the managed policy list, a preview, and the paste tab
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const importing = page.getByRole('dialog', { name: 'Import a policy' });
    await expect(importing.getByRole('option').first()).toBeVisible();
    await sweep.check('import dialog, managed policies');
    await importing.getByRole('combobox', { name: 'Search AWS managed policies' }).fill('AmazonS3ReadOnlyAccess');
    await importing.getByRole('option', { name: /^AmazonS3ReadOnlyAccess,/ }).click();
    await expect(importing.getByRole('region', { name: 'Policy document' })).toBeVisible();
    await sweep.check('import dialog, preview');
    await importing.getByRole('tab', { name: 'Paste or open JSON' }).click();
    await sweep.check('import dialog, paste');
    await importing.press('Escape');
    await expect(importing).toBeHidden();

    // export
    await page.getByRole('navigation', { name: 'Policy' }).getByRole('button', { name: 'Export', exact: true }).click();
    const exporting = page.getByRole('dialog', { name: 'Export the policy' });
    await expect(exporting.getByLabel('Policy name')).toBeVisible();
    await sweep.check('export dialog');
    await closeDialog(exporting);

    // share
    await page.getByRole('button', { name: 'Share link' }).click();
    const sharing = page.getByRole('dialog', { name: 'Share a link to this draft' });
    await expect(sharing.getByLabel('Share link')).toBeVisible();
    await sweep.check('share dialog');
    await closeDialog(sharing);

    // new policy confirmation
    await page.getByRole('button', { name: 'New policy' }).click();
    const confirm = page.getByRole('dialog', { name: 'Start a new policy?' });
    await sweep.check('new policy dialog');
    await closeDialog(confirm, 'Cancel');

    // the header's connection popover
    await page.getByRole('button', { name: 'Not connected' }).click();
    const popover = page.getByRole('dialog', { name: 'Not connected' });
    await expect(popover).toBeVisible();
    await sweep.check('connection popover');
    await closeDialog(popover);

    sweep.expectClean();
  });

  test(`axe: a policy over its quota, compact and split (${mode})`, async ({ page, openApp }) => {
    test.setTimeout(240_000);
    await useMode(page, mode);
    await EditorPage.seedDraft(page, overQuota());
    await openApp();
    const sweep = new Sweep(page, mode);
    const quota = page.getByRole('region', { name: 'Over the size quota' });
    const compact = quota.getByRole('button', { name: 'Compact', exact: true });
    await expect(quota.getByRole('button', { name: /^Split into \d+ policies$/ })).toBeEnabled({ timeout: 120_000 });
    await sweep.check('over quota');
    await compact.click();
    const compactDialog = page.getByRole('dialog', { name: 'Compact the policy' });
    await expect(compactDialog.getByRole('button', { name: 'Apply compaction' })).toBeVisible();
    await sweep.check('compact dialog');
    await compactDialog.press('Escape');
    await expect(compactDialog).toBeHidden();
    await quota.getByRole('button', { name: /^Split into \d+ policies$/ }).click();
    const splitDialog = page.getByRole('dialog', { name: /^Split into \d+ policies$/ });
    await expect(splitDialog.getByRole('button', { name: 'Download all' })).toBeVisible();
    await sweep.check('split dialog');
    sweep.expectClean();
  });

  test(`axe: the account dialogs in the sandbox app (${mode})`, async ({ page, openSandboxApp }) => {
    test.setTimeout(240_000);
    await useMode(page, mode);
    await EditorPage.seedDraft(page, {
      Version: '2012-10-17',
      Statement: [{ Sid: 'EcsRead', Effect: 'Allow', Action: ['ecs:Describe*', 'ecs:List*'], Resource: ['*'] }],
    });
    await openSandboxApp();
    const sweep = new Sweep(page, mode);
    await expect(page.getByRole('button', { name: 'Sandbox account 123456789012' })).toBeVisible();
    await sweep.check('sandbox main screen');

    // review and create: the name step and the review step
    await page.getByRole('button', { name: 'Review and create' }).click();
    const review = page.getByRole('dialog', { name: 'Review and create' });
    const name = `A11y-${mode}-${Date.now().toString(36)}`;
    await review.getByLabel('Policy name').fill(name);
    await expect(review.getByText(`${name} is free in Sandbox account 123456789012`)).toBeVisible();
    await sweep.check('review and create, name');
    await review.getByRole('button', { name: 'Next: review' }).click();
    await expect(review.getByText('Creating in Sandbox account 123456789012')).toBeVisible();
    await sweep.check('review and create, review');
    await review.press('Escape');
    await expect(review).toBeHidden();

    const account = page.getByRole('button', { name: 'Account', exact: true });
    await account.click();
    await expect(page.getByRole('menu')).toBeVisible();
    await sweep.check('account menu');
    await page.getByRole('menuitem', { name: /Open from account/ }).click();
    const open = page.getByRole('dialog', { name: 'Open a policy from the account' });
    await expect(open.getByRole('button', { name: /^Open / }).first()).toBeVisible();
    await sweep.check('open from account');
    await open.press('Escape');
    await expect(open).toBeHidden();

    await account.click();
    await page.getByRole('menuitem', { name: /Save as new version/ }).click();
    const version = page.getByRole('dialog', { name: 'Save as new version' });
    await expect(version.getByLabel('Policy to update')).toBeVisible();
    await sweep.check('save as new version');
    await version.press('Escape');
    await expect(version).toBeHidden();

    await account.click();
    await page.getByRole('menuitem', { name: /Create a role for an AWS service/ }).click();
    const role = page.getByRole('dialog', { name: 'Create a role for an AWS service' });
    await role.getByLabel('Trusted AWS services').fill('lambda');
    await page.getByRole('option', { name: /^lambda\.amazonaws\.com/ }).click();
    await expect(role.getByLabel('Trust policy to create')).toContainText('lambda.amazonaws.com');
    await sweep.check('role for a service');
    await role.press('Escape');
    await expect(role).toBeHidden();

    // the sandbox badge's popover
    await page.getByRole('button', { name: 'Sandbox account 123456789012' }).click();
    const popover = page.getByRole('dialog', { name: /Sandbox account 123456789012/ });
    await expect(popover).toBeVisible();
    await sweep.check('sandbox popover');
    await closeDialog(popover);

    sweep.expectClean();
  });
}

test('the action list is one Tab stop with arrow keys inside, and keyboard focus is drawn', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::my-bucket'] }],
  });
  await openApp();
  await settled(page);
  const block = new EditorPage(page).block(1);
  const filter = block.getByRole('searchbox', { name: 'Filter actions' });
  await filter.focus();
  // Tab from the filter to "Specific resources" (the checked radio): the hundreds of S3 actions are one stop
  let tabs = 0;
  const target = block.getByRole('radio', { name: 'Specific resources' });
  while (!(await target.evaluate((el) => el === document.activeElement)) && tabs < 60) {
    await page.keyboard.press('Tab');
    tabs += 1;
  }
  expect(tabs, 'Tabs from the S3 filter to the resources').toBeLessThanOrEqual(20);

  // back into the list: its one stop, then the arrows move between the rows
  const list = block.getByRole('group', { name: /actions/i }).filter({ has: page.getByRole('checkbox', { name: 'ListBucket', exact: true }) }).first();
  await list.getByRole('checkbox', { name: 'ListBucket', exact: true }).focus();
  const focusedName = () => page.evaluate(() => document.activeElement?.closest('[data-row]')?.textContent ?? '');
  const before = await focusedName();
  await page.keyboard.press('ArrowDown');
  await expect.poll(focusedName).not.toBe(before);
  const tabbable = await list.evaluate((el) => el.querySelectorAll('[tabindex="0"]').length);
  expect(tabbable).toBe(1);
  // End reaches the last row of the open levels (levels start closed but for those holding the block's actions)
  await page.keyboard.press('End');
  const focusedRow = () => page.evaluate(() => Number((document.activeElement?.closest('[data-row]') as HTMLElement | null)?.dataset.row));
  const lastRow = () => list.evaluate((el) => Math.max(...[...el.querySelectorAll<HTMLElement>('[data-row]')].map((row) => Number(row.dataset.row))));
  await expect.poll(async () => (await focusedRow()) === (await lastRow()) && (await focusedRow()) > 10).toBe(true);
  await page.keyboard.press('Home');
  await expect.poll(() => page.evaluate(() => Number((document.activeElement?.closest('[data-row]') as HTMLElement | null)?.dataset.row))).toBe(0);

  // the focused control shows a ring (the check boxes turn their ripple off)
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const ring = await page.evaluate(() => {
    const box = document.activeElement?.closest('.MuiButtonBase-root');
    return box ? getComputedStyle(box).outlineStyle : 'no control';
  });
  expect(ring).toBe('solid');
  // Space checks the focused action
  const name = await page.evaluate(() => document.activeElement?.closest('[data-row]')?.querySelector('label')?.textContent ?? '');
  await page.keyboard.press('Space');
  await expect(block.getByRole('checkbox', { name, exact: true })).toBeChecked();
});

test('the JSON editor says how to leave it with Tab, and the key works', async ({ page, openApp }) => {
  await openApp();
  const hint = page.getByText('Tab inserts a tab; press Ctrl+M (Ctrl+Shift+M on macOS) to move focus with Tab.');
  await expect(hint).toBeVisible();
  const editor = page.getByTestId('json-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await editor.locator('.view-lines').click();
  const input = editor.getByRole('textbox', { name: 'Policy JSON' });
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute('aria-describedby', /.+/);
  await page.keyboard.press('Control+M');
  await expect(page.getByText('Tab moves focus out of the editor; press Ctrl+M (Ctrl+Shift+M on macOS) to insert tabs again.')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(input).not.toBeFocused();
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')))).toBe(false);
  // back to tabs that indent
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+M');
  await expect(hint).toBeVisible();
});
