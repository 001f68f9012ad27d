/**
 * Any screen: on a phone (390×844) the app is one column (the editor, then the JSON, findings and
 * summary) with every control in reach and dialogs that fit the screen; at 1280×720 the toolbar
 * takes two rows at most; and the browser's Back closes an open dialog instead of leaving the app.
 * Screenshots go to /tmp/workbench-phone-*.png for a person to look at.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { EditorPage } from './pages/EditorPage';

const PHONE = { width: 390, height: 844 };

const S3_READ = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'],
    },
  ],
};

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `/tmp/workbench-phone-${name}.png`, fullPage });
}

/**
 * Nothing is wider than the screen: no sideways scrolling of the page. A mobile browser widens its
 * layout viewport to fit content that is too wide (window.innerWidth grows with it), so both are
 * compared with the screen's width.
 */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(width, 'the layout viewport grew: something is wider than the screen').toBe(PHONE.width);
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(PHONE.width);
}

/** The element lies within the screen's width (after scrolling it into view). */
async function expectWithinWidth(locator: Locator, width: number): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  expect(box, 'not rendered').not.toBeNull();
  if (!box) return;
  expect(box.x, `${locator.toString()} starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${locator.toString()} ends right of the screen`).toBeLessThanOrEqual(width + 0.5);
}

/** Every enabled button in the container is on screen horizontally and none covers another. */
async function expectControlsInReach(page: Page, container: Locator, width: number): Promise<void> {
  const buttons = container.getByRole('button');
  const count = await buttons.count();
  expect(count).toBeGreaterThan(0);
  const boxes: { name: string; x: number; y: number; w: number; h: number }[] = [];
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    if (!(await button.isVisible())) continue;
    await expectWithinWidth(button, width);
    const box = await button.boundingBox();
    const name = (await button.getAttribute('aria-label')) ?? (await button.innerText());
    if (box) boxes.push({ name, x: box.x, y: box.y + (await page.evaluate(() => window.scrollY)), w: box.width, h: box.height });
  }
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
      expect(overlap, `"${a.name}" overlaps "${b.name}"`).toBe(false);
    }
}

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('the app stacks, the header and toolbar controls are all in reach, and the side panel follows the editor', async ({
    page,
    openApp,
  }) => {
    await EditorPage.seedDraft(page, S3_READ);
    await openApp();
    const editor = new EditorPage(page);
    await expect(editor.block(1)).toBeVisible();
    await editor.settled();
    await shot(page, 'top');
    await shot(page, 'full', true);
    await expectNoSidewaysScroll(page);

    await expectControlsInReach(page, page.getByRole('banner'), PHONE.width);
    await expectControlsInReach(page, page.getByRole('navigation', { name: 'Policy' }), PHONE.width);
    await expectWithinWidth(page.getByRole('combobox', { name: 'Search services and actions' }), PHONE.width);
    await expectWithinWidth(editor.block(1), PHONE.width);
    await expectWithinWidth(editor.block(1).getByRole('group', { name: 'Resources' }), PHONE.width);

    // the JSON, findings and summary come after the editor, full width
    const main = await page.getByRole('main', { name: 'Visual editor' }).boundingBox();
    const aside = page.getByRole('complementary', { name: 'Policy document' });
    await aside.scrollIntoViewIfNeeded();
    const asideBox = await aside.boundingBox();
    expect(main && asideBox && asideBox.y + (await page.evaluate(() => window.scrollY))).toBeGreaterThanOrEqual(
      (main?.y ?? 0) + (main?.height ?? 0) - 1,
    );
    for (const name of [/^JSON$/, /^Findings/, /^Summary$/]) await expectWithinWidth(page.getByRole('tab', { name }), PHONE.width);
    await shot(page, 'side-panel');
    await page.getByRole('tab', { name: /^Findings/ }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await page.getByRole('tab', { name: 'Summary' }).click();
    await expect(page.getByRole('tab', { name: 'Summary' })).toHaveAttribute('aria-selected', 'true');
    await shot(page, 'summary');
    await expectNoSidewaysScroll(page);
  });

  test('dialogs fit the screen: export, import, and Review and create can be pressed', async ({ page, openApp }) => {
    await EditorPage.seedDraft(page, S3_READ);
    await openApp();
    await new EditorPage(page).settled();

    await page.getByRole('navigation', { name: 'Policy' }).getByRole('button', { name: 'Export', exact: true }).click();
    const exporting = page.getByRole('dialog', { name: 'Export the policy' });
    await expect(exporting.getByLabel('Policy name')).toBeVisible();
    await shot(page, 'export');
    await expectDialogFits(exporting);
    await exporting.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(exporting).toBeHidden();

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const importing = page.getByRole('dialog', { name: 'Import a policy' });
    await expect(importing.getByRole('option').first()).toBeVisible();
    await shot(page, 'import');
    await expectDialogFits(importing);
    await importing.press('Escape');
    await expect(importing).toBeHidden();

    await page.getByRole('button', { name: 'Review and create' }).click();
    const review = page.getByRole('dialog', { name: 'Review and create' });
    await expect(review).toBeVisible();
    await shot(page, 'review');
    await expectDialogFits(review);
  });
});

/** The dialog's box is within the screen, and nothing in it scrolls sideways. */
async function expectDialogFits(dialog: Locator): Promise<void> {
  const box = await dialog.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width + 0.5);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height + 0.5);
  const wide = await dialog.evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('*'))
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      // code and scrollable tab rows (the tab list's scroller holds the tablist) may scroll sideways
      .filter((el) => !el.closest('.monaco-editor, textarea, pre, [role="tablist"]') && !el.querySelector(':scope > [role="tablist"]'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().split(' ')[0] ?? ''}`),
  );
  expect(wide, 'parts of the dialog scroll sideways').toEqual([]);
}

/** The middle lines of the toolbar's rows of buttons (buttons of one row share a middle line, within a few pixels). */
async function toolbarRows(page: Page): Promise<number[]> {
  const buttons = page.getByRole('navigation', { name: 'Policy' }).getByRole('button');
  const rows = new Set<number>();
  for (let i = 0; i < (await buttons.count()); i++) {
    const box = await buttons.nth(i).boundingBox();
    if (box) rows.add(Math.round(box.y + box.height / 2));
  }
  return [...rows].sort((a, b) => a - b).filter((y, i, all) => i === 0 || y - (all[i - 1] ?? 0) > 8);
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width}×${viewport.height} the header is one row and the toolbar two rows at most`, async ({ page, openApp }) => {
    await page.setViewportSize(viewport);
    await openApp();
    await new EditorPage(page).settled();
    await shot(page, `desktop-${viewport.width}`);
    const lines = await toolbarRows(page);
    expect(lines.length, `toolbar rows at ${lines.join(', ')}`).toBeLessThanOrEqual(2);
    const banner = await page.getByRole('banner').boundingBox();
    expect(banner?.height ?? 0).toBeLessThanOrEqual(56);
    // and nothing of it is cut off or pushed sideways
    const nav = page.getByRole('navigation', { name: 'Policy' });
    expect(await nav.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  });
}

test('Back closes an open dialog and stays in the app; a dialog closed by its button leaves no entry behind', async ({
  page,
  openApp,
}) => {
  await openApp();
  const heading = page.getByRole('heading', { name: 'IAM Policy Workbench' });
  await expect(heading).toBeVisible();
  const start = page.url();
  const exportButton = page.getByRole('navigation', { name: 'Policy' }).getByRole('button', { name: 'Export', exact: true });
  const exporting = page.getByRole('dialog', { name: 'Export the policy' });

  // Back with the dialog open: the dialog closes, the app stays
  await exportButton.click();
  await expect(exporting).toBeVisible();
  await page.goBack();
  await expect(exporting).toBeHidden();
  await expect(heading).toBeVisible();
  expect(page.url()).toBe(start);

  // another dialog: the New policy confirmation
  await page.getByRole('button', { name: 'New policy' }).click();
  const confirm = page.getByRole('dialog', { name: 'Start a new policy?' });
  await expect(confirm).toBeVisible();
  await page.goBack();
  await expect(confirm).toBeHidden();
  await expect(heading).toBeVisible();

  // closed by its button: the entry it pushed is gone, so the history is as before
  const length = await page.evaluate(() => history.length);
  await exportButton.click();
  await expect(exporting).toBeVisible();
  await exporting.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(exporting).toBeHidden();
  await expect.poll(() => page.evaluate(() => (history.state as Record<string, unknown> | null)?.workbenchDialog ?? null)).toBeNull();
  // opening another dialog reuses the same place in the history rather than growing it
  await exportButton.click();
  await expect(exporting).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(length);
  await page.goBack();
  await expect(exporting).toBeHidden();
  await expect(heading).toBeVisible();
  expect(page.url()).toBe(start);
});
